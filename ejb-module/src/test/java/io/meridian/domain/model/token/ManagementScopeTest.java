package io.meridian.domain.model.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.user.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManagementScopeTest {

  @Test
  void publishCarriesThePublisherRoleAndAdminTheAdminRole() {
    assertEquals(Optional.of(ManagementScope.PUBLISH), ManagementScope.of("apim:publish"));
    assertEquals(Role.publisher, ManagementScope.PUBLISH.role());
    assertEquals(Role.admin, ManagementScope.of("apim:admin").orElseThrow().role());
    assertEquals(Optional.empty(), ManagementScope.of("orders:read"));
  }

  @Test
  void groupsAreTheRolesOfTheGrantedManagementScopesOnly() {
    assertEquals(
        Set.of("admin", "publisher"),
        ManagementScope.groups(List.of("orders:read", "apim:admin", "apim:publish")));
    assertEquals(Set.of(), ManagementScope.groups(List.of("orders:read")));
  }

  @Test
  void theApimPrefixIsReserved() {
    assertTrue(ManagementScope.isReserved("apim:publish"));
    assertTrue(ManagementScope.isReserved("apim:anything"));
    assertFalse(ManagementScope.isReserved("orders:read"));
  }
}
