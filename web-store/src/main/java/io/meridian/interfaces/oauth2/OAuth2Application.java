package io.meridian.interfaces.oauth2;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/oauth2")
public class OAuth2Application extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        TokenEndpoint.class, JwksEndpoint.class, OAuthErrorMapper.class, OAuthFallbackMapper.class);
  }
}
