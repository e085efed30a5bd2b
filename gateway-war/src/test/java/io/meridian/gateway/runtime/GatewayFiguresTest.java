package io.meridian.gateway.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.gateway.edge.TrafficMeter;
import io.meridian.gateway.state.StateHolder;
import io.meridian.gateway.state.TestStates;
import io.meridian.gateway.throttle.Peers;
import io.meridian.gateway.throttle.QuotaShares;
import io.meridian.gateway.throttle.Throttle;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/** The gateway's MXBean as a JMX client reads it: typed attributes, per-API CompositeData. */
class GatewayFiguresTest {

  @Test
  void readsAsAnMxBeanWithOneCompositePerRoutedApi() throws Exception {
    StateHolder holder = new StateHolder();
    holder.replace(TestStates.of(TestStates.shop(List.of("http://127.0.0.1:1"), 1000, null)));
    TrafficMeter meter = new TrafficMeter();
    meter.follow(holder.state().routes().routes());
    meter.record(holder.state().routes().routes().iterator().next(), 503, System.nanoTime());
    GatewayFigures figures =
        new GatewayFigures(
            meter,
            holder,
            new Throttle(Peers.ALONE, new QuotaShares(1), System::currentTimeMillis),
            () -> true,
            () -> 7);
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ObjectName name = new ObjectName(GatewayManagement.OBJECT_NAME);
    server.registerMBean(figures, name);

    assertEquals(1L, server.getAttribute(name, "Requests"));
    assertEquals(1L, server.getAttribute(name, "ServerErrors"));
    assertEquals(0L, server.getAttribute(name, "ClientErrors"));
    assertEquals(7L, server.getAttribute(name, "ActiveManifestRevision"));
    assertEquals(1, server.getAttribute(name, "RouteCount"));
    assertEquals(1L, server.getAttribute(name, "StateSequence"));
    assertEquals(0.0, server.getAttribute(name, "VerificationCacheHitRate"));
    assertEquals(0, server.getAttribute(name, "VerificationCacheSize"));
    assertEquals(0L, server.getAttribute(name, "ThrottledRequests"));
    assertEquals(0, server.getAttribute(name, "ThrottleCounters"));
    assertEquals(1, server.getAttribute(name, "ThrottleLiveNodes"));
    assertEquals(true, server.getAttribute(name, "Serving"));
    CompositeData[] apis = (CompositeData[]) server.getAttribute(name, "Apis");
    assertEquals(1, apis.length);
    assertEquals("shop", apis[0].get("apiId"));
    assertEquals("/shop", apis[0].get("context"));
    assertEquals(1L, apis[0].get("requests"));
    assertEquals(1L, apis[0].get("serverErrors"));
    assertEquals(1L, apis[0].get("windowRequests"));
    assertTrue(
        apis[0]
            .getCompositeType()
            .keySet()
            .containsAll(
                List.of("p50Millis", "p95Millis", "p99Millis", "clientErrors", "version")));
  }
}
