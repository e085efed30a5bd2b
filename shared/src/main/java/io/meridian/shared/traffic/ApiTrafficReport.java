package io.meridian.shared.traffic;

import io.meridian.shared.json.Jsons;
import io.meridian.shared.json.NodeReportJson;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A gateway node's traffic per API and per minute. Each entry holds the node's figures for that
 * minute <em>so far</em> (cumulative, not a delta since the last report): the master keeps the
 * largest it was told, so a report delivered twice, or late behind a newer one, changes nothing.
 */
public record ApiTrafficReport(
    String datacenter, String node, long sentAtMillis, List<Entry> entries) {

  /** The JMS type of these messages on the deployments queue. */
  public static final String JMS_TYPE = "meridian.traffic.report";

  /**
   * One API's minute on one node.
   *
   * @param minute the start of the UTC minute the requests ended in
   * @param requests answers in that minute
   * @param clientErrors of which 4xx (gateway refusals included)
   * @param serverErrors of which 5xx
   * @param p95Millis the 95th percentile of their latencies, in milliseconds (within 6.25 %)
   */
  public record Entry(
      String apiId,
      Instant minute,
      long requests,
      long clientErrors,
      long serverErrors,
      double p95Millis) {

    public Entry {
      if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
        throw new IllegalArgumentException("not the start of a minute: " + minute);
      }
    }
  }

  public ApiTrafficReport {
    entries = List.copyOf(entries);
  }

  public String toJson() {
    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
    for (Entry e : entries) {
      list.add(
          Jsons.PROVIDER
              .createObjectBuilder()
              .add("apiId", e.apiId())
              .add("minute", e.minute().toString())
              .add("requests", e.requests())
              .add("clientErrors", e.clientErrors())
              .add("serverErrors", e.serverErrors())
              .add("p95Millis", e.p95Millis()));
    }
    return NodeReportJson.write(datacenter, node, sentAtMillis, list);
  }

  /** Reads a report; throws IllegalArgumentException for anything else. */
  public static ApiTrafficReport fromJson(String json) {
    NodeReportJson.Envelope<Entry> r =
        NodeReportJson.read(
            json,
            "a traffic report",
            e ->
                new Entry(
                    e.getString("apiId"),
                    Instant.parse(e.getString("minute")),
                    e.getJsonNumber("requests").longValueExact(),
                    e.getJsonNumber("clientErrors").longValueExact(),
                    e.getJsonNumber("serverErrors").longValueExact(),
                    e.getJsonNumber("p95Millis").doubleValue()));
    return new ApiTrafficReport(r.datacenter(), r.node(), r.sentAtMillis(), r.entries());
  }
}
