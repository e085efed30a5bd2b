package io.meridian.interfaces.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageGuardFilterTest {

  @Test
  void comesBackToAPageOfThisModuleAfterSigningIn() {
    assertEquals("/api.xhtml?id=42", PageGuardFilter.safeNext("/api.xhtml?id=42"));
  }

  @Test
  void neverSendsASignedInUserToAnotherSite() {
    assertEquals("/", PageGuardFilter.safeNext("//evil.example/x"));
    assertEquals("/", PageGuardFilter.safeNext("https://evil.example/"));
    assertEquals("/", PageGuardFilter.safeNext("/\\evil.example"));
    assertEquals("/", PageGuardFilter.safeNext("/x\r\nSet-Cookie: a=b"));
    assertEquals("/", PageGuardFilter.safeNext(null));
  }
}
