/**
 * The publisher's web pages ({@code /publisher}): Jakarta Faces views and their request- or
 * view-scoped backing beans. A bean reads its page's parameters, calls the same application
 * services as {@code interfaces.publisher.rest} (through the same assemblers and DTOs), and turns a
 * broken rule into a message on the page. No business rule lives here.
 */
package io.meridian.interfaces.publisher.web;
