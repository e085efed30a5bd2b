/** Adapters of the domain to the outside: persistence, keys, security. */
package io.meridian.infrastructure;
