package io.meridian.shared.artifact;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Files on a WebDAV server (nginx's dav module): PUT to write, GET to read. */
public final class WebDavArtifactStore implements ArtifactStore {

  private final String base;
  private final Duration timeout;
  private final HttpClient http;

  public WebDavArtifactStore(String baseUrl, int timeoutMillis) {
    this.base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.timeout = Duration.ofMillis(timeoutMillis);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public void put(String path, byte[] bytes) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    int status = send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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
      throw e.getCause() instanceof IOException io
          ? io
          : new IOException("GET " + base + paths + " failed: " + e.getCause(), e.getCause());
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
    }
  }
}
