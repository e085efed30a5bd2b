package io.meridian.shared.quota;

import io.meridian.shared.json.Jsons;
import io.meridian.shared.json.NodeReportJson;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * A gateway node's report on the global limits it applies: per limit, what it counts in the current
 * window, what it was asked for since its last report (admitted and refused), and the share of the
 * limit its datacenter applies.
 */
public record QuotaUsage(String datacenter, String node, long sentAtMillis, List<Entry> entries) {

  /** The JMS type of these messages on the deployments queue. */
  public static final String JMS_TYPE = "meridian.throttle.usage";

  /**
   * @param key the limit's counter key, the same on every node of every datacenter
   * @param limit the policy's limit (for the whole of the datacenters)
   * @param count this node's count in the current window
   * @param demand requests this node was asked to admit since its last report
   * @param refused how many of those it refused
   * @param share the datacenter's share of the limit the node applies
   */
  public record Entry(
      String key,
      long limit,
      long windowMillis,
      long count,
      long demand,
      long refused,
      long share) {}

  public QuotaUsage {
    entries = List.copyOf(entries);
  }

  public String toJson() {
    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
    for (Entry e : entries) {
      list.add(
          Jsons.PROVIDER
              .createObjectBuilder()
              .add("key", e.key())
              .add("limit", e.limit())
              .add("windowMillis", e.windowMillis())
              .add("count", e.count())
              .add("demand", e.demand())
              .add("refused", e.refused())
              .add("share", e.share()));
    }
    return NodeReportJson.write(datacenter, node, sentAtMillis, list);
  }

  /** Reads a report; throws IllegalArgumentException for anything else. */
  public static QuotaUsage fromJson(String json) {
    NodeReportJson.Envelope<Entry> r =
        NodeReportJson.read(
            json,
            "a quota usage report",
            e ->
                new Entry(
                    e.getString("key"),
                    e.getJsonNumber("limit").longValue(),
                    e.getJsonNumber("windowMillis").longValue(),
                    e.getJsonNumber("count").longValue(),
                    e.getJsonNumber("demand").longValue(),
                    e.getJsonNumber("refused").longValue(),
                    e.getJsonNumber("share").longValue()));
    return new QuotaUsage(r.datacenter(), r.node(), r.sentAtMillis(), r.entries());
  }
}
