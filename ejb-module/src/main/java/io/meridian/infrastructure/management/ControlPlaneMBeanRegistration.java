package io.meridian.infrastructure.management;

import io.meridian.application.ControlPlaneFigures;
import io.meridian.infrastructure.TimeSource;
import io.meridian.shared.management.PlatformMBeans;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import javax.management.ObjectName;

/**
 * Registers the {@link ControlPlaneMXBean} on the platform MBean server while the EAR runs (a
 * redeployment replaces the previous one; undeployment removes it).
 */
@Singleton
@Startup
public class ControlPlaneMBeanRegistration {

  @Inject ControlPlaneFigures figures;
  @Inject TimeSource time;

  private ObjectName name;

  @PostConstruct
  void register() {
    name =
        PlatformMBeans.register(
            new ControlPlane(figures, time::now), ControlPlaneMXBean.OBJECT_NAME);
  }

  @PreDestroy
  void unregister() {
    PlatformMBeans.unregister(name);
  }
}
