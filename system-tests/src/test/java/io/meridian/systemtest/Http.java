package io.meridian.systemtest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for driving the control plane the way a user's tools would. */
final class Http {

  static final String BASE = System.getProperty("meridian.st.url", "http://127.0.0.1:21080");
  static final String ADMIN_PASSWORD =
      System.getProperty("meridian.st.admin.password", "system-test-admin");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String authorization;

  private Http(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  private Http(String authorization) {
    this(BASE, authorization);
  }

  /** The same caller, against another control plane. */
  Http at(String otherBase) {
    return new Http(otherBase, authorization);
  }

  static Http anonymous() {
    return new Http(null);
  }

  static Http as(String user, String password) {
    SecretsUsed.remember(password);
    return new Http(
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  static Http admin() {
    return as("admin", ADMIN_PASSWORD);
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  Reply post(String path, String json) {
    SecretsUsed.rememberIn(json);
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  Reply put(String path, String json) {
    SecretsUsed.rememberIn(json);
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply raw(String method, String path, String contentType, String body) {
    HttpRequest.Builder b = request(path);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A form POST, as OAuth clients send to the token endpoints. */
  Reply form(String path, Map<String, String> params) {
    String body =
        params.entrySet().stream()
            .peek(
                e -> {
                  if (e.getKey().contains("password") || e.getKey().contains("secret")) {
                    SecretsUsed.remember(e.getValue());
                  }
                })
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static Map<String, String> params(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Parses a JSON response body. */
  static JsonStructure parse(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private static Reply send(HttpRequest.Builder b) {
    try {
      HttpRequest request = b.build();
      request.headers().firstValue("Authorization").ifPresent(Http::rememberCredentials);
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      SecretsUsed.rememberIn(r.body());
      return new Reply(r.statusCode(), r, r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A bearer token, or the secret of Basic credentials (an OAuth client's, a user's). */
  private static void rememberCredentials(String authorization) {
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      SecretsUsed.remember(authorization.substring(7).trim());
    } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String pair =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      SecretsUsed.remember(pair.substring(pair.indexOf(':') + 1));
    }
  }

  /** A response, with JSON helpers. */
  record Reply(int status, HttpResponse<String> response, String body) {

    JsonObject json() {
      return (JsonObject) parse();
    }

    JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      return Http.parse(body);
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
