package io.meridian.interfaces.publisher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  private static String render(List<LineDiff.Line> lines) {
    StringBuilder out = new StringBuilder();
    lines.forEach(
        l ->
            out.append(
                    switch (l.kind()) {
                      case "add" -> "+";
                      case "del" -> "-";
                      default -> " ";
                    })
                .append(l.text())
                .append('\n'));
    return out.toString();
  }

  @Test
  void marksAChangedLineAsRemovedAndAdded() {
    assertEquals(
        " {\n-  \"a\": 1,\n+  \"a\": 2,\n   \"b\": 3\n }\n",
        render(
            LineDiff.of(
                List.of("{", "  \"a\": 1,", "  \"b\": 3", "}"),
                List.of("{", "  \"a\": 2,", "  \"b\": 3", "}"))));
  }

  @Test
  void keepsEverythingOfIdenticalTexts() {
    assertEquals(" x\n y\n", render(LineDiff.of(List.of("x", "y"), List.of("x", "y"))));
  }

  @Test
  void listsLinesOnlyOneSideHas() {
    assertEquals("+x\n", render(LineDiff.of(List.of(), List.of("x"))));
    assertEquals("-x\n", render(LineDiff.of(List.of("x"), List.of())));
  }
}
