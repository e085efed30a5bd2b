package io.meridian.shared.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Files on a WebDAV server (nginx's dav module): PUT to write, GET to read. Over https the server's
 * certificate must chain to the configured CAs (or the JVM's) and name the host of the URL; writes
 * carry the configured Basic credentials, reads none.
 */
public final class WebDavArtifactStore implements ArtifactStore {

  private final String base;
  private final Duration timeout;
  private final HttpClient http;
  private final Optional<SSLContext> tls;
  private final Optional<BasicCredentials> credentials;

  public WebDavArtifactStore(String baseUrl, int timeoutMillis) {
    this(baseUrl, timeoutMillis, ArtifactStoreOptions.NONE);
  }

  /**
   * @throws IllegalArgumentException naming the file, when the CA or credentials file of {@code
   *     options} cannot be read or used
   */
  public WebDavArtifactStore(String baseUrl, int timeoutMillis, ArtifactStoreOptions options) {
    this.base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.timeout = Duration.ofMillis(timeoutMillis);
    this.credentials = options.credentialsFile().map(BasicCredentials::from);
    this.tls = options.trustCaFile().map(TrustedCas::from);
    HttpClient.Builder builder =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout);
    tls.ifPresent(builder::sslContext);
    this.http = builder.build();
  }

  /**
   * Writes with a blocking connection (kept alive by the JDK between writes): the master writes
   * several files to its own artifact server per publication, and on loopback the JDK HttpClient's
   * hand-offs between its threads cost 7-16 ms a request where the server answers in under one.
   */
  @Override
  public void put(String path, byte[] bytes) throws IOException {
    URL url = URI.create(base + path).toURL();
    HttpURLConnection c = (HttpURLConnection) url.openConnection();
    try {
      if (c instanceof HttpsURLConnection https) {
        tls.ifPresent(ctx -> https.setSSLSocketFactory(ctx.getSocketFactory()));
      }
      c.setRequestMethod("PUT");
      c.setConnectTimeout((int) timeout.toMillis());
      c.setReadTimeout((int) timeout.toMillis());
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(bytes.length);
      credentials.ifPresent(cred -> c.setRequestProperty("Authorization", cred.header()));
      try (OutputStream out = c.getOutputStream()) {
        out.write(bytes);
      }
      int status = c.getResponseCode();
      drain(c);
      checkWrite(path, status);
    } catch (SSLException e) {
      throw tlsFailed("PUT " + url, e);
    }
  }

  /** Reads the answer to its end, so that the connection goes back to the JDK's keep-alive pool. */
  private static void drain(HttpURLConnection c) throws IOException {
    InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream();
    if (in != null) {
      try (in) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
  }

  private void checkWrite(String path, int status) throws IOException {
    if (status == 401 || status == 403) {
      throw new IOException(
          "The artifact server refused the write PUT "
              + base
              + path
              + " ("
              + status
              + "): "
              + credentials.map(c -> "check the " + c).orElse("no credentials file is configured"));
    }
    if (status != 201 && status != 204 && status != 200) {
      throw new IOException("PUT " + base + path + " answered " + status);
    }
  }

  @Override
  public Optional<byte[]> get(String path) throws IOException {
    return file(path, send(getRequest(path), HttpResponse.BodyHandlers.ofByteArray()));
  }

  /** Sends every GET at once (each on a pooled connection of its own) and waits for all. */
  @Override
  public List<Optional<byte[]>> getAll(List<String> paths) throws IOException {
    List<CompletableFuture<HttpResponse<byte[]>>> pending = new ArrayList<>();
    for (String path : paths) {
      pending.add(http.sendAsync(getRequest(path), HttpResponse.BodyHandlers.ofByteArray()));
    }
    List<Optional<byte[]>> files = new ArrayList<>();
    try {
      for (int i = 0; i < paths.size(); i++) {
        files.add(file(paths.get(i), pending.get(i).get()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while reading " + paths);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (tlsFailure(cause) != null) {
        throw tlsFailed(base + paths, tlsFailure(cause));
      }
      throw cause instanceof IOException io
          ? io
          : new IOException("GET " + base + paths + " failed: " + cause, cause);
    } finally {
      pending.forEach(f -> f.cancel(true));
    }
    return files;
  }

  private HttpRequest getRequest(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET().build();
  }

  private Optional<byte[]> file(String path, HttpResponse<byte[]> response) throws IOException {
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IOException("GET " + base + path + " answered " + response.statusCode());
    }
    return Optional.of(response.body());
  }

  @Override
  public String location() {
    return base;
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return http.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted", e);
    } catch (IOException e) {
      SSLException tls = tlsFailure(e);
      throw tls == null ? e : tlsFailed(request.method() + " " + request.uri(), tls);
    }
  }

  /** The TLS error behind a failed exchange, or null when it failed otherwise. */
  private static SSLException tlsFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLException tls) {
        return tls;
      }
    }
    return null;
  }

  private static IOException tlsFailed(String what, SSLException cause) {
    return new IOException(
        "TLS handshake / certificate verification failed for "
            + what
            + " (is the artifact server's certificate signed by the trusted CA and issued for"
            + " this host?): "
            + cause.getMessage(),
        cause);
  }
}
