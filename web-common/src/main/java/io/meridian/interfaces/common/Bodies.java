package io.meridian.interfaces.common;

import io.meridian.domain.model.shared.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Checks that a request that needs a body has one, and reads text bodies within a limit. */
public final class Bodies {

  private Bodies() {}

  public static <T> T required(T body) {
    if (body == null) {
      throw missing();
    }
    return body;
  }

  /** The failure of a request without its body, whoever notices it. */
  public static DomainException missing() {
    return DomainException.invalid("missing_body", "This request needs a JSON body");
  }

  /**
   * Reads a text body (UTF-8) of at most {@code maxBytes}, reading no further than one byte past
   * the limit, so an oversized body costs the limit and not its size.
   */
  public static String text(InputStream body, int maxBytes, Supplier<DomainException> tooLarge) {
    if (body == null) {
      throw DomainException.invalid("missing_body", "This request needs a body");
    }
    try {
      byte[] bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge.get();
      }
      if (bytes.length == 0) {
        throw DomainException.invalid("missing_body", "This request needs a body");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }
}
