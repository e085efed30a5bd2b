/**
 * The endpoint of the chain: forwards the request to the backend over pooled keep-alive
 * connections, streaming bodies both ways, and maps backend failures to 502 and 504.
 */
package io.meridian.gateway.proxy;
