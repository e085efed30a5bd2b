package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The developer portal in headless Chromium, on the two-datacenter topology: a developer signs up,
 * creates an application, subscribes it, generates keys, gets a token and calls the API through the
 * read-only datacenter's gateway from the "try it" panel; another developer cannot see that
 * application.
 */
class StoreBrowserIT {

  private static Backend backend;
  private static String context;
  private static String apiId;
  private static int callsThroughReadOnlyDc;

  @BeforeAll
  static void setUp() throws Exception {
    backend = new Backend(Topology.HOST_ADDRESS);
    context = "/" + Fixtures.unique("shop");
    Http admin = Http.admin().at(Topology.MASTER);
    Http.Reply created =
        admin.post(
            "/publisher/api/v1/apis",
            """
            {"name":"Shop","context":"%s","version":"1.0","description":"Orders of the shop",
             "operations":[{"method":"GET","uriTemplate":"/orders/{id}"}],
             "endpoints":{"production":{"url":"%s"}}}
            """
                .formatted(context, backend.url()));
    assertEquals(201, created.status(), created.toString());
    apiId = created.json().getString("id");
    Http.Reply published =
        admin.post("/publisher/api/v1/apis/" + apiId + "/lifecycle", "{\"state\":\"PUBLISHED\"}");
    assertEquals(200, published.status(), published.toString());
  }

  @AfterAll
  static void tearDown() {
    backend.close();
  }

  private static Browser signUp(String test, String name) {
    Browser b = Browser.open(test);
    b.go(Topology.MASTER + "/store/signup.xhtml").see("Create a developer account");
    b.type("Username", name)
        .type("E-mail", name + "@example.org")
        .type("Password", Fixtures.PASSWORD)
        .type("Password again", Fixtures.PASSWORD);
    SecretsUsed.remember(Fixtures.PASSWORD);
    b.press("Create the account").see("Your applications");
    return b;
  }

  @Test
  void aDeveloperSubscribesGetsATokenAndCallsTheReadOnlyGatewayFromTheTryItPanel() {
    String dev = Fixtures.unique("dev");
    String appUrl;
    try (Browser b = signUp("store-developer", dev)) {
      b.shot("applications");
      b.type("Name", "Shop app").press("Create the application").see("Shop app created");
      appUrl = b.driver().getCurrentUrl();

      b.go(Topology.MASTER + "/store/api.xhtml?id=" + apiId).see("Orders of the shop");
      b.shot("api");
      b.press("Subscribe").see("Subscribed Shop app to Shop").shot("subscribed");

      b.go(appUrl).see("Shop app");
      b.press("Generate keys").see("Copy the consumer secret now").shot("keys");
      String secret = b.byId("secret-value").getText();
      SecretsUsed.remember(secret);
      assertFalse(secret.isBlank());

      b.press("Get a test token");
      String token = b.byId("token-value").getText();
      SecretsUsed.remember(token);
      assertTrue(token.split("\\.").length == 3, "a signed JWT");
      b.shot("token");

      new Select(b.field("Datacenter")).selectByVisibleText("dc-ro1");
      b.type("Path", context + "/1.0/orders/42");
      // The subscription reaches the read-only DC's replica within moments: try until it has.
      int calls = 0;
      while (calls < 30) {
        calls++;
        b.press("Send").see("Answer");
        if (b.byId("tryit-result").getText().contains("Status 200")) {
          break;
        }
      }
      callsThroughReadOnlyDc = calls;
      b.see("Status 200").shot("try-it", "tryit-result");
      assertTrue(b.byId("tryit-body").getText().contains("{\"order\":\"42\"}"), b.text());
      String query = URI.create(appUrl).getQuery();
      assertTrue(query.startsWith("id="), appUrl);
    }

    String other = Fixtures.unique("dev");
    try (Browser b = signUp("store-other-developer", other)) {
      b.see("No application yet");
      b.go(appUrl).see("Not found").shot("not-theirs");
    }
    // The browser's secret never reached a page after the one that showed it.
    try (Browser b = Browser.open("store-secret-once")) {
      b.go(Topology.MASTER + "/store/login.xhtml");
      b.type("Username", dev).type("Password", Fixtures.PASSWORD).press("Sign in");
      b.go(appUrl).see("Shop app");
      assertFalse(b.text().contains("Copy the consumer secret now"), b.text());
      assertEquals(0, b.driver().findElements(By.id("secret-value")).size());
    }
    // The publisher's traffic chart counts the calls just made through the read-only DC.
    try (Browser b = Browser.open("store-calls-in-traffic")) {
      b.go(Topology.MASTER + "/publisher/").see("Sign in to publish APIs");
      b.type("Username", "admin").type("Password", Http.ADMIN_PASSWORD).press("Sign in");
      b.go(Topology.MASTER + "/publisher/api.xhtml?id=" + apiId).see("Traffic");
      b.see("Last 60 minutes: " + callsThroughReadOnlyDc + " requests", Duration.ofSeconds(60));
      b.shot("traffic", "traffic-heading");
      String chart = b.byId("traffic").getText();
      assertTrue(chart.contains("dc-ro1"), chart);
      assertTrue(chart.contains((callsThroughReadOnlyDc - 1) + " 4xx"), chart);
    }
  }
}
