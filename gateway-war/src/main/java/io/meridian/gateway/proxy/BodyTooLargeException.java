package io.meridian.gateway.proxy;

import java.io.IOException;

/** A request body without a declared length grew past the limit while it was streamed. */
public final class BodyTooLargeException extends IOException {

  public BodyTooLargeException(long limit) {
    super("request body exceeds " + limit + " bytes");
  }
}
