/**
 * Operating the master: the {@code io.meridian:type=ControlPlane} MXBean on the platform MBean
 * server, the {@code meridian_*} MicroProfile metrics (both read {@link
 * io.meridian.application.ControlPlaneFigures}), and the MicroProfile health checks Payara serves
 * at {@code /health}.
 */
package io.meridian.infrastructure.management;
