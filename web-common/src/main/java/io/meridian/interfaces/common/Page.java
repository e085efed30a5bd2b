package io.meridian.interfaces.common;

import io.meridian.domain.model.shared.DomainException;

/** Validated paging parameters of list resources. */
public record Page(int offset, int limit) {

  public static final int MAX_LIMIT = 200;

  public static Page of(Integer offset, Integer limit) {
    int o = offset == null ? 0 : offset;
    int l = limit == null ? 50 : limit;
    if (o < 0) {
      throw DomainException.invalid("invalid_paging", "offset must be 0 or more");
    }
    if (l < 1 || l > MAX_LIMIT) {
      throw DomainException.invalid("invalid_paging", "limit must be between 1 and " + MAX_LIMIT);
    }
    return new Page(o, l);
  }
}
