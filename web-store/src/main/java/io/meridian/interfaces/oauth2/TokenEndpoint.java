package io.meridian.interfaces.oauth2;

import io.meridian.application.Introspection;
import io.meridian.application.IssuedToken;
import io.meridian.application.TokenRequest;
import io.meridian.application.TokenService;
import io.meridian.shared.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Token, revocation and introspection endpoints. */
@Path("")
@RequestScoped
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class TokenEndpoint {

  @Inject TokenService tokens;

  @POST
  @Path("token")
  public Response token(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @FormParam("grant_type") String grantType,
      @FormParam("client_id") String clientId,
      @FormParam("client_secret") String clientSecret,
      @FormParam("username") String username,
      @FormParam("password") String password,
      @FormParam("refresh_token") String refreshToken,
      @FormParam("scope") String scope) {
    IssuedToken issued =
        tokens.token(
            new TokenRequest(
                grantType,
                ClientAuthentication.read(authorization, clientId, clientSecret),
                username,
                password,
                refreshToken,
                scope));
    JsonObjectBuilder body =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("access_token", issued.accessToken())
            .add("token_type", "Bearer")
            .add("expires_in", issued.expiresIn())
            .add("scope", issued.scope());
    if (issued.refreshToken() != null) {
      body.add("refresh_token", issued.refreshToken());
    }
    return noStore(body.build().toString());
  }

  @POST
  @Path("revoke")
  public Response revoke(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @FormParam("client_id") String clientId,
      @FormParam("client_secret") String clientSecret,
      @FormParam("token") String token) {
    tokens.revoke(ClientAuthentication.read(authorization, clientId, clientSecret), token);
    return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  @POST
  @Path("introspect")
  public Response introspect(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @FormParam("client_id") String clientId,
      @FormParam("client_secret") String clientSecret,
      @FormParam("token") String token) {
    Introspection result =
        tokens.introspect(ClientAuthentication.read(authorization, clientId, clientSecret), token);
    JsonObjectBuilder body = Jsons.PROVIDER.createObjectBuilder().add("active", result.active());
    result
        .claims()
        .forEach(
            (name, value) -> {
              if (value instanceof Number n) {
                body.add(name, n.longValue());
              } else if (value != null) {
                body.add(name, value.toString());
              }
            });
    return noStore(body.build().toString());
  }

  private static Response noStore(String json) {
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Pragma", "no-cache")
        .build();
  }
}
