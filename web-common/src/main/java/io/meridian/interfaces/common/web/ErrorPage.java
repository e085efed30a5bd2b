package io.meridian.interfaces.common.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A small HTML error page written by a filter, before any view runs. Never shows a stack trace. */
final class ErrorPage {

  private ErrorPage() {}

  static void write(HttpServletResponse response, int status, String title, String text)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + Html.escape(title)
                + " · Meridian</title><meta name=\"viewport\" content=\"width=device-width,"
                + " initial-scale=1\"><link rel=\"stylesheet\" href=\"assets/meridian.css\">"
                + "</head><body><main class=\"narrow\"><h1>"
                + Html.escape(title)
                + "</h1><p>"
                + Html.escape(text)
                + "</p><p><a href=\"./\">Back to the start page</a></p></main></body></html>");
  }
}
