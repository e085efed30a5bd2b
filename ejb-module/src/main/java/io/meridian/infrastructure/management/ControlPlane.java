package io.meridian.infrastructure.management;

import io.meridian.application.ControlPlaneFigures;
import io.meridian.application.ControlPlaneFigures.LastPublication;
import io.meridian.application.ControlPlaneFigures.NodeDeployment;
import io.meridian.domain.model.token.SigningKey;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/** The MXBean: the control plane's figures turned into JMX open types. */
public class ControlPlane implements ControlPlaneMXBean {

  private final ControlPlaneFigures figures;
  private final Supplier<OffsetDateTime> now;

  public ControlPlane(ControlPlaneFigures figures, Supplier<OffsetDateTime> now) {
    this.figures = figures;
    this.now = now;
  }

  @Override
  public long getOutboxBacklog() {
    return figures.outboxBacklog().pending();
  }

  @Override
  public long getOldestPendingSeconds() {
    return figures.outboxBacklog().oldestPendingSeconds(now.get());
  }

  @Override
  public String getLastPublication() {
    return figures.lastPublication().map(LastPublication::describe).orElse("");
  }

  @Override
  public DeploymentInfo[] getDeployments() {
    return figures.deployments().stream().map(ControlPlane::info).toArray(DeploymentInfo[]::new);
  }

  static DeploymentInfo info(NodeDeployment d) {
    return new DeploymentInfo(
        d.datacenter(),
        d.node(),
        d.apiId(),
        d.revision(),
        d.state(),
        d.activatedAt() == null ? "" : d.activatedAt().toString(),
        d.lagMillis() == null ? -1 : Math.round(d.lagMillis() / 1000.0),
        d.current());
  }

  @Override
  public SigningKeyInfo[] getSigningKeys() {
    return figures.signingKeys().stream().map(ControlPlane::info).toArray(SigningKeyInfo[]::new);
  }

  static SigningKeyInfo info(SigningKey k) {
    return new SigningKeyInfo(k.kid(), k.state().name(), k.createdAt().toString());
  }
}
