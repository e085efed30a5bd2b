package io.meridian.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiFixtures;
import io.meridian.domain.model.api.ApiRevision;
import io.meridian.domain.model.api.ApiState;
import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.application.GrantType;
import io.meridian.domain.model.application.OAuthClient;
import io.meridian.domain.model.change.ChangeLogEntry;
import io.meridian.domain.model.change.ChangeType;
import io.meridian.domain.model.subscription.Subscription;
import io.meridian.domain.model.token.TokenRevocation;
import io.meridian.domain.model.user.Role;
import io.meridian.domain.model.user.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JPA repositories against a real, migrated PostgreSQL. */
class RepositoriesIT {

  private static EntityManagerFactory emf;
  private static final OffsetDateTime NOW =
      OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

  @BeforeAll
  static void migrate() throws Exception {
    TestDatabase.reset();
    SchemaMigrator.migrate(TestDatabase.dataSource(), RepositoriesIT.class.getClassLoader());
    emf = TestDatabase.entityManagerFactory();
    run(
        em ->
            new JpaUserRepository(em)
                .add(new User("owner", "h", "", EnumSet.of(Role.subscriber), NOW)));
  }

  @AfterAll
  static void close() {
    emf.close();
  }

  static void run(Consumer<EntityManager> work) {
    call(
        em -> {
          work.accept(em);
          return null;
        });
  }

  static <T> T call(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private static Api publishedApi(String context) {
    Api api = Api.create(ApiFixtures.spec(context, "desc"), "pat", NOW);
    ApiRevision r = api.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow();
    run(
        em -> {
          JpaApiRepository repo = new JpaApiRepository(em);
          repo.add(api);
          repo.addRevision(r);
        });
    return api;
  }

  @Test
  void storesAnApiWithItsOperationsTagsEndpointsAndRevision() {
    Api saved = publishedApi("/store-and-load");
    Api loaded = call(em -> new JpaApiRepository(em).find(saved.id()).orElseThrow());
    assertEquals(saved.definition(), loaded.definition());
    assertEquals(ApiState.PUBLISHED, loaded.state());
    assertEquals(NOW, loaded.createdAt());
    assertEquals(List.of("orders:read"), loaded.operations().get(1).scopes());
    assertEquals(30_000, loaded.datacenterEndpoints().get("dc-2").timeoutMillis());
    List<ApiRevision> revisions = call(em -> new JpaApiRepository(em).revisions(saved.id()));
    assertEquals(1, revisions.size());
    assertFalse(loaded.hasUnpublishedChanges());
  }

  @Test
  void contextAndVersionAreUniqueInTheDatabaseToo() {
    publishedApi("/unique");
    Api twin = Api.create(ApiFixtures.spec("/unique", "again"), "pat", NOW);
    assertThrows(PersistenceException.class, () -> run(em -> new JpaApiRepository(em).add(twin)));
  }

  @Test
  void searchesByNameContextDescriptionAndTagWithinStates() {
    Api api = publishedApi("/searchable");
    List<Api> byContext =
        call(em -> new JpaApiRepository(em).search("SEARCHABLE", Set.of(), 0, 50));
    assertEquals(List.of(api.id()), byContext.stream().map(Api::id).toList());
    List<Api> byTag =
        call(em -> new JpaApiRepository(em).search("foo", Set.of(ApiState.PUBLISHED), 0, 500));
    assertTrue(byTag.stream().anyMatch(a -> a.id().equals(api.id())));
    List<Api> wrongState =
        call(em -> new JpaApiRepository(em).search("searchable", Set.of(ApiState.RETIRED), 0, 50));
    assertTrue(wrongState.isEmpty());
    List<Api> wildcard = call(em -> new JpaApiRepository(em).search("%", Set.of(), 0, 50));
    assertTrue(wildcard.isEmpty(), "search text is matched literally, not as a LIKE pattern");
  }

  @Test
  void keepsOneSubscriptionPerApplicationAndApi() {
    Api api = publishedApi("/subscribed");
    Application app = Application.create("owner", "app-" + api.id(), "", NOW);
    run(em -> new JpaApplicationRepository(em).add(app));
    run(
        em ->
            new JpaSubscriptionRepository(em)
                .add(Subscription.create(app.id(), api.id(), "Gold", NOW)));
    assertTrue(
        call(em -> new JpaSubscriptionRepository(em).findByApplicationAndApi(app.id(), api.id()))
            .orElseThrow()
            .isActive());
    assertThrows(
        PersistenceException.class,
        () ->
            run(
                em ->
                    new JpaSubscriptionRepository(em)
                        .add(Subscription.create(app.id(), api.id(), "Gold", NOW))));
  }

  @Test
  void findsClientsByConsumerKeyAndRemovesThemWithTheirApplication() {
    Application app = Application.create("owner", "with-keys", "", NOW);
    OAuthClient.Issued issued = OAuthClient.issue(app.id(), Set.of(GrantType.PASSWORD), NOW);
    run(
        em -> {
          JpaApplicationRepository repo = new JpaApplicationRepository(em);
          repo.add(app);
          repo.addClient(issued.client());
        });
    OAuthClient loaded =
        call(em -> new JpaApplicationRepository(em).findClient(issued.client().consumerKey()))
            .orElseThrow();
    assertTrue(loaded.authenticates(issued.secret()));
    assertEquals(Set.of(GrantType.PASSWORD), loaded.grantTypes());
    run(
        em -> {
          JpaApplicationRepository repo = new JpaApplicationRepository(em);
          repo.remove(repo.find(app.id()).orElseThrow());
        });
    assertTrue(
        call(em -> new JpaApplicationRepository(em).findClient(issued.client().consumerKey()))
            .isEmpty());
  }

  @Test
  void recordsRevocationsOnce() {
    TokenRevocation r = new TokenRevocation("jti-1", "client", NOW.plusHours(1), NOW);
    run(em -> new JpaTokenRepository(em).addRevocation(r));
    run(em -> new JpaTokenRepository(em).addRevocation(r));
    boolean revoked = call(em -> new JpaTokenRepository(em).isRevoked("jti-1"));
    boolean other = call(em -> new JpaTokenRepository(em).isRevoked("jti-2"));
    assertTrue(revoked);
    assertFalse(other);
  }

  @Test
  void changeLogSequencesGrowAndCanBeFollowed() {
    long before = call(em -> new JpaChangeLog(em).latestSequence());
    run(em -> new JpaChangeLog(em).append(new ChangeLogEntry(ChangeType.TIER_CHANGED, "a", NOW)));
    run(em -> new JpaChangeLog(em).append(new ChangeLogEntry(ChangeType.TIER_CHANGED, "b", NOW)));
    List<ChangeLogEntry> after = call(em -> new JpaChangeLog(em).after(before, 10));
    assertEquals(List.of("a", "b"), after.stream().map(ChangeLogEntry::entityId).toList());
    assertTrue(after.get(0).sequence() < after.get(1).sequence());
  }
}
