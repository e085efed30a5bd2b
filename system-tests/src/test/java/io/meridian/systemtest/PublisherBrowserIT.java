package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The publisher's pages in headless Chromium, on the two-datacenter topology: a publisher signs in,
 * imports an OpenAPI document, edits one of its operations, publishes it and watches the read-only
 * datacenter's gateway take it up; builds an API in the form; an administrator manages accounts;
 * the pages escape what publishers type and refuse a form without its CSRF token.
 */
class PublisherBrowserIT {

  private static Backend backend;
  private static String publisher;

  @BeforeAll
  static void setUp() throws Exception {
    backend = new Backend(Topology.HOST_ADDRESS);
    publisher = Fixtures.unique("pub");
    Http.Reply r =
        Http.admin()
            .at(Topology.MASTER)
            .post(
                "/publisher/api/v1/users",
                "{\"username\":\""
                    + publisher
                    + "\",\"password\":\""
                    + Fixtures.PASSWORD
                    + "\",\"roles\":[\"publisher\"]}");
    assertEquals(201, r.status(), r.toString());
  }

  @AfterAll
  static void tearDown() {
    backend.close();
  }

  private static Browser signedIn(String test) {
    Browser b = Browser.open(test);
    b.go(Topology.MASTER + "/publisher/").see("Sign in to publish APIs").shot("sign-in");
    b.type("Username", publisher).type("Password", Fixtures.PASSWORD).press("Sign in");
    b.see("Signed in as " + publisher);
    return b;
  }

  @Test
  void publisherImportsAnOpenApiDocumentEditsAnOperationPublishesAndSeesTheReadOnlyDcServeIt()
      throws Exception {
    String context = "/" + Fixtures.unique("orders");
    String document =
        """
        openapi: 3.0.3
        info:
          title: Orders from OpenAPI
          version: v1
          description: Orders, imported from a document
        servers:
          - url: %s
        components:
          securitySchemes:
            oauth:
              type: oauth2
              flows:
                clientCredentials:
                  tokenUrl: /store/oauth2/token
                  scopes:
                    orders:read: read orders
        security:
          - oauth: [orders:read]
        paths:
          /orders/{id}:
            get:
              summary: One order
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                "200": {description: the order}
          /public:
            get:
              summary: Open to all
              security: []
              responses:
                "204": {description: nothing}
        """
            .formatted(backend.url());
    try (Browser b = signedIn("publisher-imports-and-publishes")) {
      b.shot("apis");
      b.follow("Import OpenAPI").see("Import an OpenAPI document");
      Path file = Files.createTempFile("orders", ".yaml");
      Files.writeString(file, document);
      b.field("Upload a file").sendKeys(file.toAbsolutePath().toString());
      b.type("Context", context).shot("import");
      b.press("Import").see("Imported 2 operations").shot("imported");

      b.press("Edit").see("Edit Orders from OpenAPI");
      b.type("Path of operation 2", "/public/{item}");
      b.press("Save").see("Saved").see("/public/{item}").shot("edited");

      b.press("Publish").see("Published").shot("published");
      // The page refreshes "Where it runs" on its own; the read-only DC's gateways acknowledge.
      b.see("dc-ro1", Duration.ofSeconds(60)).shot("where-it-runs", "where");
      String where = b.byId("deployments").getText();
      assertTrue(where.contains("dc-ro1") && where.contains("current"), where);

      assertEquals(
          204,
          GatewayClient.send("GET", Topology.REPLICA_GATEWAY + context + "/v1/public/1", null)
              .statusCode());
      assertEquals(
          401,
          GatewayClient.send("GET", Topology.REPLICA_GATEWAY + context + "/v1/orders/1", null)
              .statusCode());

      // A second revision from a new edition of the document, pasted, and the difference.
      b.press("Import a new definition").see("New definition of Orders from OpenAPI");
      b.field("Or paste the document")
          .sendKeys(document.replace("Orders, imported from a document", "Orders, second edition"));
      b.press("Import").see("Imported 2 operations");
      b.press("Publish again").see("Published");
      new Select(b.field("Compare revision")).selectByVisibleText("1");
      new Select(b.field("with revision")).selectByVisibleText("2");
      b.press("Compare").see("Revision 1 → 2");
      String diff = b.byId("main").getText();
      assertTrue(
          diff.lines()
                  .anyMatch(
                      l ->
                          l.startsWith("-")
                              && l.contains(
                                  "\"description\": \"Orders, imported from a document\""))
              && diff.lines()
                  .anyMatch(
                      l ->
                          l.startsWith("+")
                              && l.contains("\"description\": \"Orders, second edition\"")),
          diff);
      b.shot("diff");

      b.press("Sign out").see("Sign in to publish APIs");
      b.go(Topology.MASTER + "/publisher/api.xhtml?id=x").see("Sign in to publish APIs");
    }
  }

  @Test
  void publisherBuildsAnApiInTheFormAndIsToldWhatIsWrongNextToTheField() {
    String context = "/" + Fixtures.unique("built");
    try (Browser b = signedIn("publisher-builds")) {
      b.follow("New API").see("New API");
      b.press("Add an operation");
      b.type("Name", "Orders from the browser")
          .type("Version", "v1")
          .type("Context", "no-slash")
          .type("Description", "Orders, built in the publisher's form");
      b.type("Path of operation 1", "/orders/{id}");
      b.type("Path of operation 2", "/public");
      b.field("Operation 2 needs a token").click();
      b.type("Backend URLs", "not a url");
      b.press("Create the API").see("Must look like /pizza").shot("refused");
      b.type("Context", context);
      b.press("Create the API").see("endpoint url").shot("refused-url");
      b.type("Backend URLs", backend.url());
      b.press("Create the API").see("API created").shot("created");
      b.see(context + "/v1").see("/orders/{id}").see("/public");
    }
  }

  @Test
  void anAdministratorCreatesAnAccountAndDisablingItEndsItsSession() {
    String name = Fixtures.unique("acct");
    try (Browser admin = Browser.open("publisher-admin");
        Browser other = Browser.open("publisher-disabled")) {
      admin.go(Topology.MASTER + "/publisher/").see("Sign in to publish APIs");
      admin.type("Username", "admin").type("Password", Http.ADMIN_PASSWORD).press("Sign in");
      admin.follow("Administration").see("Accounts");
      admin.type("Username", name).type("E-mail", name + "@example.org").type("Password", "short");
      admin.press("Create the account").see("password must be").shot("refused");
      admin.type("Password", Fixtures.PASSWORD).press("Create the account");
      admin.see("Account " + name + " created.").shot("created");

      other.go(Topology.MASTER + "/publisher/").see("Sign in to publish APIs");
      other.type("Username", name).type("Password", Fixtures.PASSWORD).press("Sign in");
      other.see("Signed in as " + name);

      admin.press("Disable " + name).see(name + " can no longer sign in.").shot("disabled");
      other.go(Topology.MASTER + "/publisher/").see("Sign in to publish APIs");
      other.type("Username", name).type("Password", Fixtures.PASSWORD).press("Sign in");
      other.see("Wrong username or password.").shot("refused");

      admin.press("Rotate the signing key").see("New signing key in use").shot("rotated");
    }
  }

  @Test
  void whatPublishersTypeIsShownAsText() {
    String payload = "<script>window.xss=1</script><img src=x onerror=\"window.xss=1\">";
    String id;
    Http me = Http.as(publisher, Fixtures.PASSWORD).at(Topology.MASTER);
    Http.Reply created =
        me.post(
            "/publisher/api/v1/apis",
            Fixtures.apiJson("/" + Fixtures.unique("xss"), payload.replace("\"", "\\\"")));
    assertEquals(201, created.status(), created.toString());
    id = created.json().getString("id");
    try (Browser b = signedIn("publisher-escapes")) {
      b.go(Topology.MASTER + "/publisher/api.xhtml?id=" + id).see(payload).shot("description");
      assertNull(((JavascriptExecutor) b.driver()).executeScript("return window.xss;"));
    }
  }

  @Test
  void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    Http me = Http.as(publisher, Fixtures.PASSWORD).at(Topology.MASTER);
    Http.Reply created =
        me.post(
            "/publisher/api/v1/apis",
            Fixtures.apiJson("/" + Fixtures.unique("csrf"), "not to be published"));
    assertEquals(201, created.status(), created.toString());
    String id = created.json().getString("id");
    try (Browser b = signedIn("publisher-csrf")) {
      b.go(Topology.MASTER + "/publisher/api.xhtml?id=" + id).see("not to be published");
      ((JavascriptExecutor) b.driver())
          .executeScript(
              "document.querySelectorAll('input[name=_csrf]').forEach(function (i) { i.remove(); });");
      b.press("Publish").see("Form refused").shot("refused");
    }
    assertEquals("CREATED", me.get("/publisher/api/v1/apis/" + id).json().getString("state"));
  }
}
