/** Applications of developers and the OAuth client credentials each one holds. */
package io.meridian.domain.model.application;
