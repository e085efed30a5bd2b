package io.meridian.shared.management;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers Meridian's MXBeans on the platform MBean server, where JMX clients (jconsole, the
 * remote connector) find them. Management is never worth failing a deployment for: a bean that
 * cannot be registered is logged and left out.
 */
public final class PlatformMBeans {

  private static final Logger LOG = Logger.getLogger(PlatformMBeans.class.getName());

  private PlatformMBeans() {}

  /**
   * Registers {@code bean} as {@code objectName}, replacing a bean an earlier deployment in this
   * JVM left under that name; returns the name to unregister later, or null when it failed.
   */
  public static ObjectName register(Object bean, String objectName) {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(objectName);
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
      server.registerMBean(bean, name);
      return name;
    } catch (JMException | RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot register " + objectName, e);
      return null;
    }
  }

  /** Unregisters what {@link #register} returned (null: nothing to do). */
  public static void unregister(ObjectName name) {
    if (name == null) {
      return;
    }
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    } catch (JMException | RuntimeException e) {
      LOG.log(Level.FINE, "Cannot unregister " + name, e);
    }
  }
}
