package io.meridian.interfaces.publisher.web;

import io.meridian.application.ApiService;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.interfaces.common.web.Pages;
import io.meridian.shared.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Two frozen revisions of an API side by side, as a line diff of their definitions. */
@Named("revisionDiff")
@RequestScoped
public class RevisionDiffPage {

  @Inject ApiService apis;

  private String id;
  private int from;
  private int to;
  private List<LineDiff.Line> lines;

  public void load() {
    try {
      lines =
          LineDiff.of(
              pretty(apis.revision(id, from).definition()),
              pretty(apis.revision(id, to).definition()));
    } catch (DomainException e) {
      Pages.notFound(e.getMessage());
    }
  }

  static List<String> pretty(String json) {
    JsonObject object;
    try (var reader = Jsons.PROVIDER.createReader(new StringReader(json))) {
      object = reader.readObject();
    }
    StringWriter out = new StringWriter();
    try (var writer =
        Jsons.PROVIDER
            .createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString().strip().lines().toList();
  }

  public List<LineDiff.Line> getLines() {
    return lines;
  }

  public boolean isIdentical() {
    return lines != null && lines.stream().allMatch(l -> l.kind().equals("same"));
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public int getFrom() {
    return from;
  }

  public void setFrom(int from) {
    this.from = from;
  }

  public int getTo() {
    return to;
  }

  public void setTo(int to) {
    this.to = to;
  }
}
