package io.meridian.gateway.edge;

import java.util.concurrent.atomic.LongAdder;

/**
 * Answers counted by status class since the node started: all of them, client errors (4xx; 499 when
 * the client went away) and server errors (5xx). Counted on the event loops without locks.
 */
public final class StatusCounts {

  private final LongAdder requests = new LongAdder();
  private final LongAdder clientErrors = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();

  void record(int status) {
    requests.increment();
    if (status >= 500) {
      serverErrors.increment();
    } else if (status >= 400) {
      clientErrors.increment();
    }
  }

  public long requests() {
    return requests.sum();
  }

  public long clientErrors() {
    return clientErrors.sum();
  }

  public long serverErrors() {
    return serverErrors.sum();
  }
}
