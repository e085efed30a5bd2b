package io.meridian.shared.quota;

import io.meridian.shared.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** The master's grant to one datacenter: its share of each global limit, by counter key. */
public record QuotaGrant(String datacenter, long sequence, Map<String, Long> shares) {

  /** The JMS type of these messages on the announcements topic. */
  public static final String JMS_TYPE = "meridian.throttle.shares";

  public QuotaGrant {
    shares = Map.copyOf(shares);
  }

  public String toJson() {
    JsonObjectBuilder map = Jsons.PROVIDER.createObjectBuilder();
    shares.forEach(map::add);
    return Jsons.PROVIDER
        .createObjectBuilder()
        .add("datacenter", datacenter)
        .add("sequence", sequence)
        .add("shares", map)
        .build()
        .toString();
  }

  /** Reads a grant; throws IllegalArgumentException for anything else. */
  public static QuotaGrant fromJson(String json) {
    try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      Map<String, Long> shares = new LinkedHashMap<>();
      o.getJsonObject("shares").forEach((k, v) -> shares.put(k, Long.parseLong(v.toString())));
      return new QuotaGrant(
          o.getString("datacenter"), o.getJsonNumber("sequence").longValue(), shares);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a quota grant: " + e.getMessage(), e);
    }
  }
}
