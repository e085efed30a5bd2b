package io.meridian.interfaces.publisher.rest;

import io.meridian.interfaces.common.CommonProviders;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

@ApplicationPath("/api/v1")
public class PublisherApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(CommonProviders.classes());
    classes.add(ApiResource.class);
    classes.add(TierResource.class);
    classes.add(UserResource.class);
    classes.add(SigningKeyResource.class);
    return classes;
  }
}
