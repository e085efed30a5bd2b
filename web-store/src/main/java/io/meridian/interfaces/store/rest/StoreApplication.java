package io.meridian.interfaces.store.rest;

import io.meridian.interfaces.common.CommonProviders;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

@ApplicationPath("/api/v1")
public class StoreApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(CommonProviders.classes());
    classes.add(AccountResource.class);
    classes.add(CatalogResource.class);
    classes.add(ApplicationResource.class);
    return classes;
  }
}
