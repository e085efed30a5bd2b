package io.meridian.interfaces.store.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the "try it" panel's call: from the store's server to the chosen datacenter's gateway
 * ({@link Gateways}), with the developer's token as a bearer token. At most {@value
 * #TIMEOUT_SECONDS} s in all, redirects not followed, at most {@value #MAX_BODY} bytes of body
 * read. Every failure becomes a sentence for the page; the token is never logged.
 */
@ApplicationScoped
public class GatewayClient {

  static final int TIMEOUT_SECONDS = 10;
  static final int MAX_BODY = 64 * 1024;
  static final int MAX_REQUEST_BODY = 64 * 1024;
  static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
  private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);
  private static final Logger LOG = Logger.getLogger(GatewayClient.class.getName());

  private HttpClient http;
  private volatile String warnedAbout = "";

  @PostConstruct
  void start() {
    http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** The configured gateways, read on every use: a changed value needs no redeploy. */
  public Gateways gateways() {
    Gateways gateways =
        Gateways.parse(
            ConfigProvider.getConfig().getOptionalValue(Gateways.KEY, String.class).orElse(""));
    String invalid = gateways.invalid().toString();
    if (!gateways.invalid().isEmpty() && !invalid.equals(warnedAbout)) {
      warnedAbout = invalid;
      LOG.warning(
          () ->
              Gateways.KEY + ": left out entries that are not id=http(s)://host:port: " + invalid);
    }
    return gateways;
  }

  /**
   * Calls {@code method path} on the gateway of {@code datacenter}.
   *
   * @param token the access token sent as {@code Authorization: Bearer}; none when blank
   * @param body a request body sent as JSON; none when blank
   */
  public TryItResult call(
      String datacenter, String method, String path, String token, String body) {
    return call(gateways(), datacenter, method, path, token, body);
  }

  TryItResult call(
      Gateways gateways, String datacenter, String method, String path, String token, String body) {
    String verb = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(verb)) {
      return TryItResult.failed(verb, "", "Choose one of the methods " + METHODS + ".");
    }
    URI target;
    try {
      target = gateways.target(datacenter, path);
    } catch (IllegalArgumentException e) {
      return TryItResult.failed(verb, "", e.getMessage());
    }
    String url = target.toString();
    HttpRequest request;
    try {
      request = request(target, verb, token, body);
    } catch (IllegalArgumentException e) {
      return TryItResult.failed(verb, url, e.getMessage());
    }
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<Body>> future =
        http.sendAsync(request, info -> new CappedBody());
    try {
      HttpResponse<Body> response = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      List<TryItResult.Header> headers =
          response.headers().map().entrySet().stream()
              .sorted(java.util.Map.Entry.comparingByKey(Comparator.naturalOrder()))
              .flatMap(e -> e.getValue().stream().map(v -> new TryItResult.Header(e.getKey(), v)))
              .toList();
      Body b = response.body();
      return new TryItResult(
          verb,
          url,
          null,
          response.statusCode(),
          headers,
          new String(b.bytes(), charset(response)),
          b.truncated(),
          millis);
    } catch (TimeoutException e) {
      future.cancel(true);
      return TryItResult.failed(
          verb, url, "The gateway of " + datacenter + " did not answer within 10 s.");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return TryItResult.failed(verb, url, "The call was interrupted.");
    } catch (ExecutionException e) {
      return TryItResult.failed(verb, url, explain(datacenter, e.getCause()));
    }
  }

  private static HttpRequest request(URI target, String verb, String token, String body) {
    boolean hasBody =
        body != null && !body.isBlank() && !verb.equals("GET") && !verb.equals("HEAD");
    if (hasBody && body.length() > MAX_REQUEST_BODY) {
      throw new IllegalArgumentException(
          "The request body is longer than " + MAX_REQUEST_BODY + " characters.");
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(target)
            .timeout(TIMEOUT)
            .header("Accept", "*/*")
            .method(
                verb,
                hasBody
                    ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
                    : HttpRequest.BodyPublishers.noBody());
    if (hasBody) {
      builder.header("Content-Type", "application/json");
    }
    if (token != null && !token.isBlank()) {
      String t = token.strip();
      if (t.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new IllegalArgumentException(
            "The token holds spaces or characters an access token never has: paste it again.");
      }
      builder.header("Authorization", "Bearer " + t);
    }
    return builder.build();
  }

  private static String explain(String datacenter, Throwable cause) {
    String gateway = "the gateway of " + datacenter;
    if (cause instanceof HttpConnectTimeoutException) {
      return "Connecting to " + gateway + " timed out after 10 s.";
    }
    if (cause instanceof HttpTimeoutException) {
      return "The gateway of " + datacenter + " did not answer within 10 s.";
    }
    if (cause instanceof ConnectException) {
      return "Could not connect to " + gateway + ": it refused the connection or is unreachable.";
    }
    if (cause instanceof IOException) {
      return "The call to " + gateway + " failed: the connection broke before a full answer.";
    }
    return "The call to " + gateway + " failed.";
  }

  private static Charset charset(HttpResponse<?> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    for (String param : type.split(";")) {
      String p = param.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        try {
          return Charset.forName(p.substring(8).replace("\"", "").strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** The first bytes of a body, and whether there were more. */
  record Body(byte[] bytes, boolean truncated) {}

  /** Keeps the first {@value #MAX_BODY} bytes of a body, then cancels the rest of it. */
  static final class CappedBody implements HttpResponse.BodySubscriber<Body> {

    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<Body> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer buffer : items) {
        int n = Math.min(buffer.remaining(), MAX_BODY + 1 - out.size());
        byte[] chunk = new byte[n];
        buffer.get(chunk);
        out.write(chunk, 0, n);
      }
      if (out.size() > MAX_BODY) {
        subscription.cancel();
        result.complete(new Body(Arrays.copyOf(out.toByteArray(), MAX_BODY), true));
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(new Body(out.toByteArray(), false));
    }
  }
}
