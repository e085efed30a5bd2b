package io.meridian.interfaces.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesMarkupAndQuotes() {
    assertEquals(
        "&lt;img src=&quot;x&quot; onerror=&#39;a()&#39;&gt; &amp;",
        Html.escape("<img src=\"x\" onerror='a()'> &"));
  }
}
