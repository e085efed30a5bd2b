/**
 * The traffic report a gateway node sends the master: per API and per UTC minute, what the node
 * answered. It travels over the same broker links as acknowledgements and quota reports, told apart
 * by its JMS type, and is shared here so that the gateway writes exactly what the master reads.
 */
package io.meridian.shared.traffic;
