package io.meridian.domain.model.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meridian.domain.model.shared.DomainException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopesTest {

  @Test
  void parsesAndFormatsSpaceSeparatedScopes() {
    assertEquals(List.of("b", "a"), Scopes.parse("  b a b "));
    assertEquals(List.of(), Scopes.parse(null));
    assertEquals("a b", Scopes.format(Set.of("b", "a")));
  }

  @Test
  void grantsTheRequestedScopesThatAreAvailable() {
    assertEquals(Set.of("read"), Scopes.grant(List.of("read", "admin"), Set.of("read", "write")));
    assertEquals(Set.of(), Scopes.grant(List.of(), Set.of("read")));
  }

  @Test
  void refusesARequestOfWhichNothingCanBeGranted() {
    assertEquals(
        "invalid_scope",
        assertThrows(DomainException.class, () -> Scopes.grant(List.of("admin"), Set.of("read")))
            .code());
  }

  @Test
  void aRefreshMayOnlyNarrowTheOriginalGrant() {
    assertEquals(Set.of("a", "b"), Scopes.narrow(List.of(), List.of("a", "b")));
    assertEquals(Set.of("a"), Scopes.narrow(List.of("a"), List.of("a", "b")));
    assertThrows(DomainException.class, () -> Scopes.narrow(List.of("c"), List.of("a", "b")));
  }
}
