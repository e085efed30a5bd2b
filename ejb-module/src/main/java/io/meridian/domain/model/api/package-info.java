/**
 * The API aggregate: an API's definition (operations, endpoints, cross-origin rules), its lifecycle
 * and the immutable revisions that publishing freezes.
 */
package io.meridian.domain.model.api;
