package io.meridian.interfaces.common;

import java.util.Set;

/** The providers every Meridian JAX-RS application registers. */
public final class CommonProviders {

  private CommonProviders() {}

  public static Set<Class<?>> classes() {
    return Set.of(
        DomainExceptionMapper.class,
        WebApplicationExceptionMapper.class,
        JsonExceptionMapper.class,
        UnexpectedExceptionMapper.class,
        RoleCheckFilter.class);
  }
}
