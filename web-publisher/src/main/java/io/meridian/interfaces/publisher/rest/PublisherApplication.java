package io.meridian.interfaces.publisher.rest;

import io.meridian.interfaces.common.CommonProviders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The publisher REST API. {@code @LoginConfig} turns MicroProfile JWT on, so bearer access tokens
 * of Meridian's key manager sign callers in beside HTTP Basic (see {@code
 * interfaces.publisher.security}); the class is a CDI bean because Payara looks for the annotation
 * on beans.
 */
@ApplicationPath("/api/v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "meridian")
public class PublisherApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(CommonProviders.classes());
    classes.add(ApiResource.class);
    classes.add(OpenApiImportResource.class);
    classes.add(OpenApiResource.class);
    classes.add(TierResource.class);
    classes.add(UserResource.class);
    classes.add(SigningKeyResource.class);
    return classes;
  }
}
