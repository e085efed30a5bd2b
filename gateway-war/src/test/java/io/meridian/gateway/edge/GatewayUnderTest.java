package io.meridian.gateway.edge;

import io.meridian.gateway.state.GatewayState;
import io.meridian.gateway.state.StateHolder;
import io.meridian.gateway.throttle.Peers;
import io.meridian.gateway.throttle.QuotaShares;
import io.meridian.gateway.throttle.Throttle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A gateway server on a free port, serving a fixed state, with a plain HTTP/1.1 client. */
final class GatewayUnderTest implements AutoCloseable {

  final GatewayServer server;
  final StateHolder holder = new StateHolder();
  final Throttle throttle =
      new Throttle(Peers.ALONE, new QuotaShares(1), System::currentTimeMillis);
  final TrafficMeter meter = new TrafficMeter();
  final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** A gateway node's defaults, on loopback and a free port. */
  static EdgeSettings.Builder settings() {
    return EdgeSettings.builder().listen("127.0.0.1", 0);
  }

  GatewayUnderTest(EdgeSettings settings, GatewayState state) throws Exception {
    if (state != null) {
      holder.replace(state);
    }
    server = GatewayServer.start(settings, holder, throttle, null, meter);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
  }
}
