package io.meridian.domain.model.shared;

import jakarta.ejb.ApplicationException;

/**
 * A broken business rule, with a stable machine-readable code and the kind of failure. The web
 * layer turns it into one JSON problem shape; the EJB container passes it through unwrapped and
 * rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

  /** What kind of client mistake this is; decides the HTTP status. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN
  }

  private final Kind kind;
  private final String code;

  public DomainException(Kind kind, String code, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
  }

  public static DomainException invalid(String code, String message) {
    return new DomainException(Kind.INVALID, code, message);
  }

  public static DomainException notFound(String code, String message) {
    return new DomainException(Kind.NOT_FOUND, code, message);
  }

  public static DomainException conflict(String code, String message) {
    return new DomainException(Kind.CONFLICT, code, message);
  }

  public static DomainException forbidden(String code, String message) {
    return new DomainException(Kind.FORBIDDEN, code, message);
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }
}
