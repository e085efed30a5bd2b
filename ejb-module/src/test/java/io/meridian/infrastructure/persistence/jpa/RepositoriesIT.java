package io.meridian.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiFixtures;
import io.meridian.domain.model.api.ApiRevision;
import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.api.ApiState;
import io.meridian.domain.model.api.Endpoint;
import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.application.GrantType;
import io.meridian.domain.model.application.OAuthClient;
import io.meridian.domain.model.change.ChangeLogEntry;
import io.meridian.domain.model.change.ChangeType;
import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.policy.ThrottlingPolicySpec;
import io.meridian.domain.model.subscription.Subscription;
import io.meridian.domain.model.subscription.SubscriptionState;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** An API over several backends, with a multi-URL override for dc-2 and a CORS policy. */
  private static ApiSpec poolApiSpec(String context) {
    Endpoint pool =
        new Endpoint(List.of("http://10.0.0.2:9000", "https://10.0.0.1:9443/base?x=1"), 4000);
    Endpoint dc2 =
        new Endpoint(
            List.of("http://10.1.0.7:9000", "http://10.1.0.5:9000", "http://10.1.0.6:9000"), null);
    Endpoint dc3 = new Endpoint("http://10.2.0.1:9000", 100);
    return ApiFixtures.spec(
        context, "desc", pool, Map.of("dc-2", dc2, "dc-3", dc3), ApiFixtures.cors());
  }

  private static Api poolApi(String context) {
    return Api.create(poolApiSpec(context), "pat", NOW);
  }

  private static Object column(String sql, String apiId) {
    return call(em -> em.createNativeQuery(sql).setParameter(1, apiId).getSingleResult());
  }

  @Test
  void storesEndpointUrlListsAndTheCorsPolicy() {
    Api saved = poolApi("/pool-and-cors");
    ApiRevision r = saved.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow();
    run(
        em -> {
          JpaApiRepository repo = new JpaApiRepository(em);
          repo.add(saved);
          repo.addRevision(r);
        });

    Api loaded = call(em -> new JpaApiRepository(em).find(saved.id()).orElseThrow());
    assertEquals(
        List.of("http://10.0.0.2:9000", "https://10.0.0.1:9443/base?x=1"),
        loaded.defaultEndpoint().urls());
    assertEquals(4000, loaded.defaultEndpoint().timeoutMillis());
    assertEquals(saved.datacenterEndpoints(), loaded.datacenterEndpoints());
    assertEquals(
        List.of("http://10.1.0.7:9000", "http://10.1.0.5:9000", "http://10.1.0.6:9000"),
        loaded.datacenterEndpoints().get("dc-2").urls());
    assertEquals(ApiFixtures.cors(), loaded.cors().orElseThrow());
    assertEquals(saved.definition(), loaded.definition());
    assertFalse(loaded.hasUnpublishedChanges(), "the loaded API hashes like the revision");

    // The URLs sit in the column that held one URL before, one per line.
    assertEquals(
        "http://10.0.0.2:9000\nhttps://10.0.0.1:9443/base?x=1",
        column("SELECT default_endpoint_url FROM apis WHERE id = ?1", saved.id()));
    assertEquals(
        "http://10.2.0.1:9000",
        column(
            "SELECT url FROM api_endpoint_overrides WHERE api_id = ?1 AND datacenter = 'dc-3'",
            saved.id()));
  }

  @Test
  void anEditWithoutCorsClearsThePolicyAndAnEditWithOneSetsIt() {
    Api saved = poolApi("/cors-removed");
    run(em -> new JpaApiRepository(em).add(saved));

    run(
        em ->
            new JpaApiRepository(em)
                .find(saved.id())
                .orElseThrow()
                .update(ApiFixtures.spec("/cors-removed", "desc"), NOW));
    Api plain = call(em -> new JpaApiRepository(em).find(saved.id()).orElseThrow());
    assertTrue(plain.cors().isEmpty());
    assertEquals(List.of("http://127.0.0.1:9000"), plain.defaultEndpoint().urls());
    assertEquals(
        0L,
        column(
            "SELECT count(*) FROM apis WHERE id = ?1 AND (cors_allow_origins IS NOT NULL"
                + " OR cors_allow_methods IS NOT NULL OR cors_allow_headers IS NOT NULL"
                + " OR cors_expose_headers IS NOT NULL OR cors_allow_credentials IS NOT NULL"
                + " OR cors_max_age_seconds IS NOT NULL)",
            saved.id()));

    run(
        em ->
            new JpaApiRepository(em)
                .find(saved.id())
                .orElseThrow()
                .update(poolApiSpec("/cors-removed"), NOW));
    assertEquals(
        ApiFixtures.cors(),
        call(em -> new JpaApiRepository(em).find(saved.id()).orElseThrow()).cors().orElseThrow());
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
    Application app = Application.create("owner", "app-" + api.id(), "", null, NOW);
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
    Application app = Application.create("owner", "with-keys", "", null, NOW);
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

  private static ThrottlingPolicy addPolicy(ThrottlingPolicySpec spec) {
    ThrottlingPolicy policy = ThrottlingPolicy.create(spec);
    run(em -> new JpaThrottlingPolicyRepository(em).add(policy));
    return policy;
  }

  private static ThrottlingPolicy policy(String name) {
    return call(em -> new JpaThrottlingPolicyRepository(em).find(name)).orElseThrow();
  }

  @Test
  void storesAPolicyWithEveryLimitEditsItAndRemovesIt() {
    addPolicy(new ThrottlingPolicySpec("Platinum", 9000, 60, 200, 10_485_760L, 3600, true, "p"));
    ThrottlingPolicy loaded = policy("Platinum");
    assertEquals(9000, loaded.requestCount());
    assertEquals(60, loaded.unitSeconds());
    assertEquals(Optional.of(200), loaded.burstPerSecond());
    assertEquals(Optional.of(10_485_760L), loaded.bandwidthBytes());
    assertEquals(Optional.of(3600), loaded.bandwidthUnitSeconds());
    assertTrue(loaded.globalQuota());
    assertEquals("p", loaded.description());

    run(
        em ->
            new JpaThrottlingPolicyRepository(em)
                .find("Platinum")
                .orElseThrow()
                .update(new ThrottlingPolicySpec(null, 10, 1, null, null, null, false, "")));
    ThrottlingPolicy edited = policy("Platinum");
    assertEquals(10, edited.requestCount());
    assertTrue(edited.burstPerSecond().isEmpty());
    assertTrue(edited.bandwidthBytes().isEmpty());
    assertTrue(edited.bandwidthUnitSeconds().isEmpty());
    assertFalse(edited.globalQuota());

    run(
        em -> {
          JpaThrottlingPolicyRepository repo = new JpaThrottlingPolicyRepository(em);
          repo.remove(repo.findForUpdate("Platinum").orElseThrow());
        });
    assertTrue(call(em -> new JpaThrottlingPolicyRepository(em).find("Platinum")).isEmpty());
    assertTrue(call(em -> new JpaThrottlingPolicyRepository(em).findForUpdate("nope")).isEmpty());
  }

  @Test
  void listsPoliciesByRequestCountThenName() {
    List<String> names =
        call(em -> new JpaThrottlingPolicyRepository(em).all()).stream()
            .map(ThrottlingPolicy::name)
            .filter(n -> List.of("Gold", "Silver", "Bronze", "Unlimited").contains(n))
            .toList();
    assertEquals(List.of("Gold", "Silver", "Bronze", "Unlimited"), names);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "('bad name', 10, 60, NULL, NULL, NULL, false, '')",
        "('Day2', 10, 86401, NULL, NULL, NULL, false, '')",
        "('Burst', 10, 60, 11, NULL, NULL, false, '')",
        "('Burst0', 0, 60, 0, NULL, NULL, false, '')",
        "('Half1', 10, 60, NULL, 1000, NULL, false, '')",
        "('Half2', 10, 60, NULL, NULL, 60, false, '')",
        "('Bytes0', 10, 60, NULL, 0, 60, false, '')",
        "('Bytes1', 10, 60, NULL, 10, 0, false, '')",
        "('NullQuota', 10, 60, NULL, NULL, NULL, NULL, '')"
      })
  void theDatabaseRefusesPoliciesTheDomainRefuses(String row) {
    assertThrows(
        PersistenceException.class,
        () ->
            run(
                em ->
                    em.createNativeQuery(
                            "INSERT INTO tiers (name, request_count, unit_seconds,"
                                + " burst_per_second, bandwidth_bytes, bandwidth_unit_seconds,"
                                + " global_quota, description) VALUES "
                                + row)
                        .executeUpdate()));
  }

  private static ApiSpec withTiers(String context, String apiTier, String operationTier) {
    ApiSpec s = ApiFixtures.spec(context, "desc");
    return new ApiSpec(
        s.name(),
        s.context(),
        s.version(),
        s.defaultVersion(),
        s.description(),
        s.tags(),
        s.visibility(),
        List.of(
            new io.meridian.domain.model.api.Operation(
                "GET", "/menu", false, List.of(), operationTier)),
        s.defaultEndpoint(),
        s.datacenterEndpoints(),
        s.cors(),
        apiTier,
        null);
  }

  @Test
  void storesTheStalenessRuleAndAnApiWithoutOneHasNone() {
    Api strict =
        Api.create(
            ApiFixtures.withStaleness(
                ApiFixtures.spec("/strict", "desc"),
                new io.meridian.domain.model.api.StalenessPolicy(7, "reject")),
            "pat",
            NOW);
    Api plain = Api.create(ApiFixtures.spec("/lenient", "desc"), "pat", NOW);
    run(
        em -> {
          new JpaApiRepository(em).add(strict);
          new JpaApiRepository(em).add(plain);
        });

    Api loaded = call(em -> new JpaApiRepository(em).find(strict.id()).orElseThrow());
    assertEquals(7, loaded.staleness().orElseThrow().maxLagSeconds());
    assertEquals("reject", loaded.staleness().orElseThrow().whenStale());
    assertEquals(strict.definition(), loaded.definition());
    assertTrue(
        call(em -> new JpaApiRepository(em).find(plain.id()).orElseThrow()).staleness().isEmpty());
  }

  @Test
  void storesTheTiersOfApplicationsAndApisAndRefusesUnknownOnes() {
    Application app = Application.create("owner", "tiered", "", "Silver", NOW);
    Api api = Api.create(withTiers("/tiered", "Bronze", "Gold"), "pat", NOW);
    run(
        em -> {
          new JpaApplicationRepository(em).add(app);
          new JpaApiRepository(em).add(api);
        });
    assertEquals(
        "Silver", call(em -> new JpaApplicationRepository(em).find(app.id())).orElseThrow().tier());
    Api loaded = call(em -> new JpaApiRepository(em).find(api.id())).orElseThrow();
    assertEquals("Bronze", loaded.tier());
    assertEquals("Bronze", loaded.definition().tier());
    assertEquals("Silver", column("SELECT tier FROM applications WHERE id = ?1", app.id()));

    assertThrows(
        PersistenceException.class,
        () ->
            run(
                em ->
                    new JpaApplicationRepository(em)
                        .add(Application.create("owner", "unknown-tier", "", "Nope", NOW))));
    assertThrows(
        PersistenceException.class,
        () ->
            run(
                em ->
                    new JpaApiRepository(em)
                        .add(Api.create(withTiers("/unknown-tier", "Nope", "Gold"), "pat", NOW))));
  }

  @Test
  void aPolicyNamedOnlyByTheRevisionGatewaysServeIsStillInUse() {
    addPolicy(new ThrottlingPolicySpec("U-rev", 10, 60, null, null, null, false, ""));
    Api api = Api.create(withTiers("/usage-rev", "Unlimited", "U-rev"), "pat", NOW);
    ApiRevision published = api.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow();
    // Edited since, not republished: the current definition no longer names the policy.
    api.update(withTiers("/usage-rev", "Unlimited", "Unlimited"), NOW);
    run(
        em -> {
          JpaApiRepository repo = new JpaApiRepository(em);
          repo.add(api);
          repo.addRevision(published);
        });
    assertEquals(1L, (long) call(em -> new JpaApiRepository(em).countUsingTier("U-rev")));
  }

  @Test
  void countsWhatUsesAPolicyAndMovesEndedSubscriptionsOffIt() {
    for (String name : List.of("U-api", "U-op", "U-app", "U-sub", "U-ended", "U-none")) {
      addPolicy(new ThrottlingPolicySpec(name, 10, 60, null, null, null, false, ""));
    }
    Api byApiTier = Api.create(withTiers("/usage-api", "U-api", "Unlimited"), "pat", NOW);
    Api byOperation = Api.create(withTiers("/usage-op", "Unlimited", "U-op"), "pat", NOW);
    Api both = Api.create(withTiers("/usage-both", "U-op", "U-op"), "pat", NOW);
    Application app = Application.create("owner", "usage", "", "U-app", NOW);
    Subscription active = Subscription.create(app.id(), byApiTier.id(), "U-sub", NOW);
    Subscription blocked = Subscription.create(app.id(), byOperation.id(), "U-sub", NOW);
    blocked.block(NOW);
    Subscription ended = Subscription.create(app.id(), both.id(), "U-ended", NOW);
    ended.unsubscribe(NOW);
    run(
        em -> {
          JpaApiRepository apis = new JpaApiRepository(em);
          apis.add(byApiTier);
          apis.add(byOperation);
          apis.add(both);
          new JpaApplicationRepository(em).add(app);
          JpaSubscriptionRepository subs = new JpaSubscriptionRepository(em);
          subs.add(active);
          subs.add(blocked);
          subs.add(ended);
        });

    assertEquals(1L, (long) call(em -> new JpaApiRepository(em).countUsingTier("U-api")));
    assertEquals(2L, (long) call(em -> new JpaApiRepository(em).countUsingTier("U-op")));
    assertEquals(0L, (long) call(em -> new JpaApiRepository(em).countUsingTier("U-app")));
    assertEquals(1L, (long) call(em -> new JpaApplicationRepository(em).countAtTier("U-app")));
    assertEquals(0L, (long) call(em -> new JpaApplicationRepository(em).countAtTier("U-api")));
    assertEquals(
        2L, (long) call(em -> new JpaSubscriptionRepository(em).countNotEndedAtTier("U-sub")));
    assertEquals(
        0L, (long) call(em -> new JpaSubscriptionRepository(em).countNotEndedAtTier("U-ended")));

    // An ended subscription holds its tier through the foreign key until it is moved off it.
    assertThrows(
        PersistenceException.class,
        () ->
            run(
                em -> {
                  JpaThrottlingPolicyRepository repo = new JpaThrottlingPolicyRepository(em);
                  repo.remove(repo.findForUpdate("U-ended").orElseThrow());
                }));
    int moved =
        call(
            em ->
                new JpaSubscriptionRepository(em)
                    .moveEndedToTier("U-ended", ThrottlingPolicy.UNLIMITED));
    assertEquals(1, moved);
    assertEquals(
        0,
        (int) call(em -> new JpaSubscriptionRepository(em).moveEndedToTier("U-sub", "Unlimited")));
    Subscription movedSub =
        call(em -> new JpaSubscriptionRepository(em).find(ended.id())).orElseThrow();
    assertEquals("Unlimited", movedSub.tier());
    assertEquals(SubscriptionState.UNSUBSCRIBED, movedSub.state());
    run(
        em -> {
          JpaThrottlingPolicyRepository repo = new JpaThrottlingPolicyRepository(em);
          repo.remove(repo.findForUpdate("U-ended").orElseThrow());
        });
    assertTrue(call(em -> new JpaThrottlingPolicyRepository(em).find("U-ended")).isEmpty());
  }
}
