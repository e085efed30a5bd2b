package io.meridian.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls a gateway the way an API consumer would: HTTP/1.1, a bearer token if given. */
final class GatewayClient {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private GatewayClient() {}

  static HttpResponse<String> send(String method, String url, String token) {
    if (token != null) {
      SecretsUsed.remember(token);
    }
    return sendAuthorized(method, url, token == null ? null : "Bearer " + token);
  }

  /**
   * The same, with {@code authorization} as the {@code Authorization} header if not null (a gateway
   * node's administration credential, {@link Topology#nodeAdminAuthorization}).
   */
  static HttpResponse<String> sendAuthorized(String method, String url, String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
