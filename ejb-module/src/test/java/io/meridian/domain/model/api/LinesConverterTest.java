package io.meridian.domain.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinesConverterTest {

  private final LinesConverter converter = new LinesConverter();

  @Test
  void storesOneValuePerLineAndReadsThemBackInOrder() {
    List<String> urls = List.of("http://b:9000", "http://a:9000/base?x=1");
    String column = converter.convertToDatabaseColumn(urls);
    assertEquals("http://b:9000\nhttp://a:9000/base?x=1", column);
    assertEquals(urls, converter.convertToEntityAttribute(column));
  }

  @Test
  void readsAColumnWrittenBeforeListsAsOneValue() {
    assertEquals(
        List.of("http://127.0.0.1:9000/legacy"),
        converter.convertToEntityAttribute("http://127.0.0.1:9000/legacy"));
    assertEquals(
        "http://127.0.0.1:9000/legacy",
        converter.convertToDatabaseColumn(List.of("http://127.0.0.1:9000/legacy")));
  }

  @Test
  void emptyListsAreEmptyTextAndAbsentValuesStayNull() {
    assertEquals("", converter.convertToDatabaseColumn(List.of()));
    assertEquals(List.of(), converter.convertToEntityAttribute(""));
    assertNull(converter.convertToDatabaseColumn(null));
    assertEquals(List.of(), converter.convertToEntityAttribute(null));
  }

  @Test
  void toleratesCarriageReturnsAndBlankLines() {
    assertEquals(
        List.of("https://a.example", "https://b.example"),
        converter.convertToEntityAttribute("https://a.example\r\n\nhttps://b.example\n"));
  }
}
