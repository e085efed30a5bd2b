/**
 * What the publisher's and the developer portal's web pages share: the signed-in session, the CSRF
 * token every form carries, the page guard that sends strangers to the sign-in page, and the
 * helpers that turn a broken business rule into a message on the page. Pages are Jakarta Faces
 * views over the same application services the REST resources call.
 */
package io.meridian.interfaces.common.web;
