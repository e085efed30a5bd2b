/**
 * A gateway node's sync in Payara Micro (booted by Arquillian with the test archive, the ActiveMQ
 * resource adapter and the post-boot resources of scripts/gateway-node.sh): the test stands in for
 * the gateway WAR's {@code ApiActivation} and for the master (signing key, artifact, announcement).
 */
package io.meridian.containertest.gateway;
