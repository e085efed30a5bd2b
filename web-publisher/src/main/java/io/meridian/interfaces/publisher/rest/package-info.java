/** The publisher REST API under {@code /publisher/api/v1}: APIs, lifecycle, revisions, users. */
package io.meridian.interfaces.publisher.rest;
