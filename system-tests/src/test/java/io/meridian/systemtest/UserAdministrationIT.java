package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Administrators manage accounts over the publisher's REST API. */
class UserAdministrationIT {

  /** The account as the administrators' list shows it, read a page of 100 at a time. */
  private static JsonObject find(String name) {
    for (int offset = 0; ; offset += 100) {
      Http.Reply page = Http.admin().get("/publisher/api/v1/users?limit=100&offset=" + offset);
      assertEquals(200, page.status(), page.toString());
      JsonArray users = page.array();
      for (JsonValue v : users) {
        if (v.asJsonObject().getString("username").equals(name)) {
          return v.asJsonObject();
        }
      }
      if (users.size() < 100) {
        throw new AssertionError(name + " is not listed");
      }
    }
  }

  @Test
  void aDisabledAccountCannotSignInUntilEnabledAgain() {
    String name = Fixtures.signUp();
    Http dev = Http.as(name, Fixtures.PASSWORD);
    assertEquals(200, dev.get("/store/api/v1/me").status());
    assertTrue(find(name).getBoolean("enabled"));

    Http.Reply disabled = Http.admin().post("/publisher/api/v1/users/" + name + "/disable");
    assertEquals(200, disabled.status(), disabled.toString());
    assertEquals(false, disabled.json().getBoolean("enabled"));
    assertEquals(401, dev.get("/store/api/v1/me").status());
    assertEquals(false, find(name).getBoolean("enabled"));

    assertEquals(200, Http.admin().post("/publisher/api/v1/users/" + name + "/enable").status());
    assertEquals(200, dev.get("/store/api/v1/me").status());
  }

  @Test
  void rolesAreReplacedAndAnAdministratorKeepsTheirOwn() {
    String name = Fixtures.signUp();
    Http.Reply changed =
        Http.admin()
            .put(
                "/publisher/api/v1/users/" + name + "/roles",
                "{\"roles\":[\"publisher\",\"subscriber\"]}");
    assertEquals(200, changed.status(), changed.toString());
    assertEquals("[\"publisher\",\"subscriber\"]", changed.json().getJsonArray("roles").toString());
    assertEquals(200, Http.as(name, Fixtures.PASSWORD).get("/publisher/api/v1/apis").status());

    Http.Reply own =
        Http.admin().put("/publisher/api/v1/users/admin/roles", "{\"roles\":[\"publisher\"]}");
    assertEquals(409, own.status(), own.toString());
    assertEquals("own_account", own.json().getString("code"));
    Http.Reply disableSelf = Http.admin().post("/publisher/api/v1/users/admin/disable");
    assertEquals(409, disableSelf.status(), disableSelf.toString());

    Http.Reply none =
        Http.admin().put("/publisher/api/v1/users/" + name + "/roles", "{\"roles\":[]}");
    assertEquals(400, none.status(), none.toString());
    Http.Reply unknown = Http.admin().post("/publisher/api/v1/users/nobody-here/disable");
    assertEquals(404, unknown.status(), unknown.toString());
    assertEquals(403, Http.as(name, Fixtures.PASSWORD).get("/publisher/api/v1/users").status());
  }
}
