package io.meridian.infrastructure.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.application.ControlPlaneFigures;
import io.meridian.domain.model.publication.OutboxBacklog;
import io.meridian.domain.model.token.SigningKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

class ControlPlaneTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T12:00:00Z");

  /** Figures as a test sets them. */
  private static final class Figures implements ControlPlaneFigures {
    OutboxBacklog backlog = OutboxBacklog.EMPTY;
    LastPublication last;
    List<NodeDeployment> deployments = List.of();

    @Override
    public OutboxBacklog outboxBacklog() {
      return backlog;
    }

    @Override
    public Optional<LastPublication> lastPublication() {
      return Optional.ofNullable(last);
    }

    @Override
    public List<NodeDeployment> deployments() {
      return deployments;
    }

    @Override
    public List<SigningKey> signingKeys() {
      return List.of();
    }
  }

  @Test
  void reportsTheBacklogAndTheAgeOfItsOldestEntry() {
    Figures figures = new Figures();
    ControlPlane bean = new ControlPlane(figures, () -> NOW);
    assertEquals(0, bean.getOutboxBacklog());
    assertEquals(0, bean.getOldestPendingSeconds());
    assertEquals("", bean.getLastPublication());

    figures.backlog = new OutboxBacklog(2, NOW.minusSeconds(42));
    figures.last =
        new ControlPlaneFigures.LastPublication(
            "id-1", "Pizza /pizza/1.0", 3, "PUBLISHED", NOW.minusSeconds(50), NOW.minusSeconds(49));
    assertEquals(2, bean.getOutboxBacklog());
    assertEquals(42, bean.getOldestPendingSeconds());
    assertEquals(
        "Pizza /pizza/1.0 revision 3 PUBLISHED, announced 2026-01-01T11:59:11Z",
        bean.getLastPublication());
  }

  @Test
  void isAnMxBeanWhoseDeploymentsAreCompositeData() throws Exception {
    Figures figures = new Figures();
    figures.deployments =
        List.of(
            new ControlPlaneFigures.NodeDeployment(
                "dc-ro", "gw-r1", "id-1", 2, "PUBLISHED", NOW, 1499L, true),
            new ControlPlaneFigures.NodeDeployment(
                "dc-ro", "gw-r2", "id-1", 1, "PUBLISHED", NOW, null, false));
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ObjectName name = new ObjectName(ControlPlaneMXBean.OBJECT_NAME);
    server.registerMBean(new ControlPlane(figures, () -> NOW), name);

    CompositeData[] rows = (CompositeData[]) server.getAttribute(name, "Deployments");
    assertEquals(2, rows.length);
    assertEquals("gw-r1", rows[0].get("node"));
    assertEquals(1L, rows[0].get("lagSeconds"));
    assertEquals(-1L, rows[1].get("lagSeconds"));
    assertEquals(false, rows[1].get("current"));
    assertEquals(NOW.toString(), rows[0].get("since"));
    assertEquals(0L, server.getAttribute(name, "OutboxBacklog"));
    assertTrue(((CompositeData[]) server.getAttribute(name, "SigningKeys")).length == 0);
  }
}
