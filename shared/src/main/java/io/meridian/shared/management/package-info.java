/** JMX plumbing shared by the master and the gateway nodes: registering Meridian's MXBeans. */
package io.meridian.shared.management;
