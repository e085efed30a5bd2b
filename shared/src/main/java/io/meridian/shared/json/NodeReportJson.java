package io.meridian.shared.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The envelope every report a gateway node sends the master shares (quota usage, traffic): which
 * datacenter and node sent it, when, and its entries, whose shape is the report's own.
 */
public final class NodeReportJson {

  /** A report as read: the envelope's fields and the entries the report's reader made. */
  public record Envelope<E>(String datacenter, String node, long sentAtMillis, List<E> entries) {}

  private NodeReportJson() {}

  public static String write(
      String datacenter, String node, long sentAtMillis, JsonArrayBuilder entries) {
    return Jsons.PROVIDER
        .createObjectBuilder()
        .add("datacenter", datacenter)
        .add("node", node)
        .add("sentAt", sentAtMillis)
        .add("entries", entries)
        .build()
        .toString();
  }

  /**
   * Reads a report, each entry with {@code entry}; throws IllegalArgumentException naming {@code
   * what} for anything else.
   */
  public static <E> Envelope<E> read(String json, String what, Function<JsonObject, E> entry) {
    try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      List<E> entries = new ArrayList<>();
      for (JsonValue v : o.getJsonArray("entries")) {
        entries.add(entry.apply(v.asJsonObject()));
      }
      return new Envelope<>(
          o.getString("datacenter"),
          o.getString("node"),
          o.getJsonNumber("sentAt").longValue(),
          entries);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not " + what + ": " + e.getMessage(), e);
    }
  }
}
