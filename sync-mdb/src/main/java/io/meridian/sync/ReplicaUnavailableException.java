package io.meridian.sync;

import java.io.IOException;

/**
 * The DC's database could not be read just now (a connection or query failure): a temporary
 * condition, retried, never a reason to refuse an artifact.
 */
public class ReplicaUnavailableException extends IOException {

  public ReplicaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
