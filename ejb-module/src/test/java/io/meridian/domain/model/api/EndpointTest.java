package io.meridian.domain.model.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.shared.api.EndpointDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

  private static String code(Runnable r) {
    return assertThrows(DomainException.class, r::run).code();
  }

  private static List<String> urls(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "http://10.0.0." + i + ":9000").toList();
  }

  @Test
  void keepsTheUrlsInTheOrderGivenAndCallsTheFirstOneUrl() {
    Endpoint e = new Endpoint(List.of("http://b:9000", " http://a:9000/base "), 2000);
    assertEquals(List.of("http://b:9000", "http://a:9000/base"), e.urls());
    assertEquals("http://b:9000", e.url());
    assertEquals(
        new EndpointDefinition(List.of("http://b:9000", "http://a:9000/base"), 2000),
        e.definition());
  }

  @Test
  void aSingleUrlEndpointIsAOneElementList() {
    Endpoint e = new Endpoint("http://a:9000", null);
    assertEquals(List.of("http://a:9000"), e.urls());
    assertEquals(Endpoint.DEFAULT_TIMEOUT_MILLIS, e.timeoutMillis());
    assertEquals(new Endpoint(List.of("http://a:9000"), null), e);
    assertEquals(new EndpointDefinition("http://a:9000", 30_000), e.definition());
  }

  @Test
  void acceptsUpToSixteenUrls() {
    assertDoesNotThrow(() -> new Endpoint(urls(Endpoint.MAX_URLS), null));
    assertEquals("too_many_endpoint_urls", code(() -> new Endpoint(urls(17), null)));
  }

  @Test
  void needsAtLeastOneUrl() {
    assertEquals("missing_field", code(() -> new Endpoint(List.of(), null)));
    assertEquals("missing_field", code(() -> new Endpoint((List<String>) null, null)));
    assertEquals("missing_field", code(() -> new Endpoint((String) null, null)));
    assertEquals("missing_field", code(() -> new Endpoint(Arrays.asList("http://a", null), null)));
    assertEquals("missing_field", code(() -> new Endpoint(List.of("http://a", " "), null)));
  }

  @Test
  void refusesTheSameUrlTwice() {
    assertEquals(
        "duplicate_endpoint_url",
        code(() -> new Endpoint(List.of("http://a:9000", "http://b", "http://a:9000 "), null)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://x",
        "not a url",
        "/relative/path",
        "http://",
        "mailto:ops@example.com",
        "http://a\nhttp://b",
        "https://exa mple.com"
      })
  void refusesAnyUrlThatIsNotAbsoluteHttp(String bad) {
    assertEquals(
        "invalid_endpoint_url", code(() -> new Endpoint(List.of("http://good:9000", bad), null)));
  }

  @Test
  void checksTheTimeoutAsBefore() {
    assertEquals("invalid_timeout", code(() -> new Endpoint(urls(2), 0)));
    assertEquals(
        "invalid_timeout", code(() -> new Endpoint(urls(2), Endpoint.MAX_TIMEOUT_MILLIS + 1)));
  }
}
