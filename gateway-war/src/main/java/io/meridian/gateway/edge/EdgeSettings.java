package io.meridian.gateway.edge;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the event-loop server needs to know, as plain values (the container reads the configuration
 * and builds this; tests build it directly).
 *
 * @param eventLoops event-loop threads; each serves connections and owns its backend pool
 * @param tlsCertFile PEM certificate chain for HTTPS, or null for plain HTTP
 * @param tlsKeyFile PEM private key (PKCS#8 or PKCS#1) for HTTPS, or null
 * @param http2 offer HTTP/2 over TLS (ALPN)
 * @param maxConnectionsPerBackend keep-alive connections per backend host, per event loop
 * @param maxWaitingPerBackend requests that may wait for one of those connections, per backend host
 *     and event loop; one more is answered 503 at once (-1: unbounded)
 * @param idleTimeoutSeconds closes client connections idle this long (0: never)
 * @param backendCaFile PEM CA certificates trusted for https backends besides the JDK's, or null
 * @param maxFailures consecutive connection failures after which a backend URL cools down
 * @param coolDownMillis how long a failing backend URL is skipped
 * @param hiddenResponseHeaders backend response headers never relayed (e.g. Server)
 * @param servedBy the datacenter id every answer names in {@code Meridian-Datacenter} (with the
 *     API's active revision in {@code Meridian-Api-Revision}), or null for no such headers
 * @param nativeTransport use Linux epoll (Netty's native transport) if on the class path, else NIO
 *     (the default: measured no faster here, see BENCHMARKS.md)
 */
public record EdgeSettings(
    String host,
    int port,
    int eventLoops,
    String tlsCertFile,
    String tlsKeyFile,
    boolean http2,
    int maxUriLength,
    int maxHeaderBytes,
    long maxBodyBytes,
    int connectTimeoutMillis,
    int maxConnectionsPerBackend,
    int maxWaitingPerBackend,
    int idleTimeoutSeconds,
    String backendCaFile,
    int maxFailures,
    long coolDownMillis,
    Set<String> hiddenResponseHeaders,
    String servedBy,
    boolean nativeTransport) {

  public EdgeSettings {
    SortedSet<String> hidden = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    hidden.addAll(hiddenResponseHeaders);
    hiddenResponseHeaders = Collections.unmodifiableSortedSet(hidden);
    if (eventLoops < 1) {
      throw new IllegalArgumentException("at least one event loop");
    }
  }

  /** Settings with the defaults of a gateway node: plain HTTP on port 8280, one event loop. */
  public static Builder builder() {
    return new Builder();
  }

  public boolean tls() {
    return tlsCertFile != null && !tlsCertFile.isBlank();
  }

  /** Builds {@link EdgeSettings}, starting from a gateway node's defaults. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8280;
    private int eventLoops = 1;
    private String tlsCertFile;
    private String tlsKeyFile;
    private boolean http2 = true;
    private int maxUriLength = 8192;
    private int maxHeaderBytes = 16384;
    private long maxBodyBytes = 10L * 1024 * 1024;
    private int connectTimeoutMillis = 2000;
    private int maxConnectionsPerBackend = 256;
    private int maxWaitingPerBackend = 1024;
    private int idleTimeoutSeconds = 120;
    private String backendCaFile;
    private int maxFailures = 3;
    private long coolDownMillis = 10_000;
    private Set<String> hiddenResponseHeaders = Set.of("Server", "X-Powered-By");
    private String servedBy;
    private boolean nativeTransport;

    private Builder() {}

    public Builder listen(String host, int port) {
      this.host = host;
      this.port = port;
      return this;
    }

    public Builder eventLoops(int eventLoops) {
      this.eventLoops = eventLoops;
      return this;
    }

    public Builder tls(String certFile, String keyFile, boolean http2) {
      this.tlsCertFile = certFile;
      this.tlsKeyFile = keyFile;
      this.http2 = http2;
      return this;
    }

    public Builder limits(int maxUriLength, int maxHeaderBytes, long maxBodyBytes) {
      this.maxUriLength = maxUriLength;
      this.maxHeaderBytes = maxHeaderBytes;
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public Builder backends(
        int connectTimeoutMillis, int maxConnectionsPerBackend, String backendCaFile) {
      this.connectTimeoutMillis = connectTimeoutMillis;
      this.maxConnectionsPerBackend = maxConnectionsPerBackend;
      this.backendCaFile = backendCaFile;
      return this;
    }

    public Builder maxWaitingPerBackend(int maxWaitingPerBackend) {
      this.maxWaitingPerBackend = maxWaitingPerBackend;
      return this;
    }

    public Builder passiveHealth(int maxFailures, long coolDownMillis) {
      this.maxFailures = maxFailures;
      this.coolDownMillis = coolDownMillis;
      return this;
    }

    public Builder idleTimeoutSeconds(int idleTimeoutSeconds) {
      this.idleTimeoutSeconds = idleTimeoutSeconds;
      return this;
    }

    public Builder hiddenResponseHeaders(Set<String> names) {
      this.hiddenResponseHeaders = names;
      return this;
    }

    /** Names the datacenter (and the API revision) on every answer; null: no such headers. */
    public Builder servedBy(String datacenterId) {
      this.servedBy = datacenterId;
      return this;
    }

    public Builder nativeTransport(boolean nativeTransport) {
      this.nativeTransport = nativeTransport;
      return this;
    }

    public EdgeSettings build() {
      return new EdgeSettings(
          host,
          port,
          eventLoops,
          tlsCertFile,
          tlsKeyFile,
          http2,
          maxUriLength,
          maxHeaderBytes,
          maxBodyBytes,
          connectTimeoutMillis,
          maxConnectionsPerBackend,
          maxWaitingPerBackend,
          idleTimeoutSeconds,
          backendCaFile,
          maxFailures,
          coolDownMillis,
          hiddenResponseHeaders,
          servedBy,
          nativeTransport);
    }
  }
}
