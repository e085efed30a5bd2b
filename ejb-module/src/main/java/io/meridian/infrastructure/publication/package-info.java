/**
 * How publications leave the master: Ed25519 artifact signing, the artifact server, and the JMS
 * messages to and from the datacenters' brokers (through the ActiveMQ resource adapter).
 */
package io.meridian.infrastructure.publication;
