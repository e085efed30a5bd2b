package io.meridian.interfaces.oauth2;

import io.meridian.application.KeyService;
import io.meridian.domain.model.token.SigningKey;
import io.meridian.shared.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/** The public keys that verify Meridian's access tokens (RFC 7517 JWK Set). */
@Path("jwks")
@RequestScoped
public class JwksEndpoint {

  @Inject KeyService keys;

  @GET
  @Produces({"application/jwk-set+json", "application/json"})
  public Response jwks() {
    JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
    for (SigningKey key : keys.published()) {
      try (var reader = Jsons.PROVIDER.createReader(new StringReader(key.publicJwk()))) {
        array.add(reader.readObject());
      }
    }
    return Response.ok(Jsons.PROVIDER.createObjectBuilder().add("keys", array).build().toString())
        .header("Cache-Control", "max-age=60")
        .build();
  }
}
