package io.meridian.gateway.proxy;

/** A backend call that failed for a reason the proxy itself established. */
public final class ProxyException extends RuntimeException {

  private final ProxyFailure failure;

  public ProxyException(ProxyFailure failure, String message) {
    super(message, null, false, false);
    this.failure = failure;
  }

  public ProxyFailure failure() {
    return failure;
  }
}
