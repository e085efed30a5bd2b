package io.meridian.shared.quota;

import io.meridian.shared.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
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
    return Jsons.PROVIDER
        .createObjectBuilder()
        .add("datacenter", datacenter)
        .add("node", node)
        .add("sentAt", sentAtMillis)
        .add("entries", list)
        .build()
        .toString();
  }

  /** Reads a report; throws IllegalArgumentException for anything else. */
  public static QuotaUsage fromJson(String json) {
    try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      List<Entry> entries = new ArrayList<>();
      for (JsonValue v : o.getJsonArray("entries")) {
        JsonObject e = v.asJsonObject();
        entries.add(
            new Entry(
                e.getString("key"),
                e.getJsonNumber("limit").longValue(),
                e.getJsonNumber("windowMillis").longValue(),
                e.getJsonNumber("count").longValue(),
                e.getJsonNumber("demand").longValue(),
                e.getJsonNumber("refused").longValue(),
                e.getJsonNumber("share").longValue()));
      }
      return new QuotaUsage(
          o.getString("datacenter"),
          o.getString("node"),
          o.getJsonNumber("sentAt").longValue(),
          entries);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a quota usage report: " + e.getMessage(), e);
    }
  }
}
