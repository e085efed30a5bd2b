/** The store (developer portal) REST API under {@code /store/api/v1}. */
package io.meridian.interfaces.store.rest;
