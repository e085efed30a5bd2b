package io.meridian.shared.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Files on a WebDAV server (nginx's dav module): PUT to write, GET to read. Over https the server's
 * certificate must chain to the configured CAs (or the JVM's) and name the host of the URL; writes
 * carry the configured Basic credentials, reads none.
 *
 * <p>Every exchange is a blocking one on a connection the JDK keeps alive between requests (for as
 * long as the server's {@code Keep-Alive} header allows): on the master several writes to its own
 * server per publication, on a gateway the artifact and its signature read at the same time, each
 * on a connection of its own. The JDK HttpClient's hand-offs between its threads cost 7-16 ms a
 * request on the master's loopback, where nginx answers in under one, and more on a busy gateway.
 */
public final class WebDavArtifactStore implements ArtifactStore {

  /** Reads the second and later files of {@link #getAll} while the caller reads the first. */
  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "meridian-artifact-read");
            t.setDaemon(true);
            return t;
          });

  private final String base;
  private final int timeoutMillis;
  private final Optional<SSLSocketFactory> tls;
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
    this.timeoutMillis = timeoutMillis;
    this.credentials = options.credentialsFile().map(BasicCredentials::from);
    // One factory for the store's life: the JDK reuses a kept-alive https connection only for
    // the factory that opened it.
    this.tls = options.trustCaFile().map(TrustedCas::from).map(ctx -> ctx.getSocketFactory());
  }

  @Override
  public void put(String path, byte[] bytes) throws IOException {
    HttpURLConnection c = open(path, "PUT");
    try {
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(bytes.length);
      credentials.ifPresent(cred -> c.setRequestProperty("Authorization", cred.header()));
      try (OutputStream out = c.getOutputStream()) {
        out.write(bytes);
      }
      int status = c.getResponseCode();
      drain(c);
      checkWrite(path, status);
    } catch (IOException e) {
      throw tlsFailed("PUT " + base + path, e);
    }
  }

  @Override
  public Optional<byte[]> get(String path) throws IOException {
    HttpURLConnection c = open(path, "GET");
    try {
      int status = c.getResponseCode();
      if (status == 404) {
        drain(c);
        return Optional.empty();
      }
      if (status != 200) {
        drain(c);
        throw new IOException("GET " + base + path + " answered " + status);
      }
      try (InputStream in = c.getInputStream()) {
        return Optional.of(in.readAllBytes());
      }
    } catch (IOException e) {
      throw tlsFailed("GET " + base + path, e);
    }
  }

  /** Reads every file at once (the first on the calling thread) and waits for all. */
  @Override
  public List<Optional<byte[]>> getAll(List<String> paths) throws IOException {
    List<Future<Optional<byte[]>>> others = new ArrayList<>();
    for (String path : paths.subList(Math.min(1, paths.size()), paths.size())) {
      others.add(READERS.submit(() -> get(path)));
    }
    List<Optional<byte[]>> files = new ArrayList<>();
    try {
      if (!paths.isEmpty()) {
        files.add(get(paths.get(0)));
      }
      for (Future<Optional<byte[]>> other : others) {
        files.add(other.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while reading " + paths);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io
          ? io
          : new IOException("GET " + base + paths + " failed: " + cause, cause);
    } finally {
      others.forEach(f -> f.cancel(true));
    }
    return files;
  }

  @Override
  public String location() {
    return base;
  }

  private HttpURLConnection open(String path, String method) throws IOException {
    URL url = URI.create(base + path).toURL();
    HttpURLConnection c = (HttpURLConnection) url.openConnection();
    if (c instanceof HttpsURLConnection https) {
      tls.ifPresent(https::setSSLSocketFactory);
    }
    c.setRequestMethod(method);
    c.setConnectTimeout(timeoutMillis);
    c.setReadTimeout(timeoutMillis);
    c.setUseCaches(false);
    return c;
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

  /** A TLS failure behind {@code failure} explained; any other failure as it is. */
  private static IOException tlsFailed(String what, IOException failure) {
    SSLException cause = null;
    for (Throwable t = failure; t != null && cause == null; t = t.getCause()) {
      if (t instanceof SSLException tls) {
        cause = tls;
      }
    }
    if (cause == null) {
      return failure;
    }
    return new IOException(
        "TLS handshake / certificate verification failed for "
            + what
            + " (is the artifact server's certificate signed by the trusted CA and issued for"
            + " this host?): "
            + cause.getMessage(),
        cause);
  }
}
