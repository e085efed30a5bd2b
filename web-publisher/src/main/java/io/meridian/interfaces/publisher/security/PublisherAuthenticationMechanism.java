package io.meridian.interfaces.publisher.security;

import io.meridian.interfaces.common.UserAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The publisher's one authentication mechanism: {@code Authorization: Bearer} goes to {@link
 * BearerTokenAuthentication}, everything else to the Basic mechanism the store uses too.
 *
 * <p>Jakarta Security 3 resolves a single mechanism per module, and the EAR holds three (this one,
 * the Basic one, and MicroProfile JWT's, which {@code @LoginConfig} installs for the whole EAR).
 * The publisher's web.xml names this class in Payara's {@code fish.payara.security.mechanism}
 * context parameter, which makes Soteria look the mechanism up by this exact type; the store's
 * names the Basic one.
 */
@ApplicationScoped
public class PublisherAuthenticationMechanism implements HttpAuthenticationMechanism {

  @Inject UserAuthenticationMechanism basic;
  @Inject BearerTokenAuthentication bearer;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String token = BearerTokenAuthentication.token(request.getHeader("Authorization"));
    if (token != null) {
      return bearer.validate(token, request, response, context);
    }
    return basic.validateRequest(request, response, context);
  }
}
