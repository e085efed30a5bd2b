package io.meridian.interfaces.common;

import io.meridian.shared.json.Jsons;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one error shape of Meridian's REST APIs (RFC 9457 members plus a stable {@code code} that
 * clients can switch on).
 */
public record Problem(String type, String title, int status, String detail, String code) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(Response.Status status, String code, String detail) {
    return new Problem(
        "urn:meridian:problem:" + code,
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        code);
  }

  public static Response response(Response.Status status, String code, String detail) {
    return of(status, code, detail).toResponse();
  }

  /** The problem as JSON, for places that write a servlet response themselves. */
  public String toJson() {
    return Jsons.PROVIDER
        .createObjectBuilder()
        .add("type", type)
        .add("title", title)
        .add("status", status)
        .add("detail", detail)
        .add("code", code)
        .build()
        .toString();
  }

  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
  }
}
