/**
 * The developer portal's web pages ({@code /store}): Jakarta Faces views and their request-scoped
 * backing beans. A bean reads its page's parameters, calls the same application services as {@code
 * interfaces.store.rest} (through the same DTOs), and turns a broken rule into a message on the
 * page. No business rule lives here. The "try it" panel calls a datacenter's gateway from the
 * server, only at the addresses configured in {@value Gateways#KEY}.
 */
package io.meridian.interfaces.store.web;
