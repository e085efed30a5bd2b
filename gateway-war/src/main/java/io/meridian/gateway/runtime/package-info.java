/** The gateway node's runtime: health and, with the gateway work, the route table. */
package io.meridian.gateway.runtime;
