/** JPA implementations of the domain repositories, and the schema migrations at startup. */
package io.meridian.infrastructure.persistence.jpa;
