package io.meridian.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.api.ApiFixtures;
import io.meridian.domain.model.api.ApiRepository;
import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.application.ApplicationRepository;
import io.meridian.domain.model.change.AuditEntry;
import io.meridian.domain.model.change.AuditLog;
import io.meridian.domain.model.change.ChangeLog;
import io.meridian.domain.model.change.ChangeLogEntry;
import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.policy.ThrottlingPolicyRepository;
import io.meridian.domain.model.policy.ThrottlingPolicySpec;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.subscription.SubscriptionRepository;
import io.meridian.infrastructure.TimeSource;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The services that define throttling policies and refer to them, over in-memory repositories: the
 * error codes, and the change log entries gateways follow.
 */
class TierServicesTest {

  private final Map<String, ThrottlingPolicy> policies = new LinkedHashMap<>();
  private final List<ChangeLogEntry> changeLog = new ArrayList<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final Map<String, Long> usage = new HashMap<>();
  private final List<String> movedEnded = new ArrayList<>();
  private final Map<String, Application> applications = new LinkedHashMap<>();
  private final List<String> locked = new ArrayList<>();
  private ChangeRecorder changes;

  /** An implementation of {@code type} answering the named methods; any other call fails. */
  private static <T> T stub(Class<T> type, Map<String, Function<Object[], Object>> answers) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              Function<Object[], Object> answer = answers.get(method.getName());
              if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
              }
              return answer.apply(args);
            }));
  }

  private ThrottlingPolicyRepository policyRepository() {
    return new ThrottlingPolicyRepository() {
      @Override
      public Optional<ThrottlingPolicy> find(String name) {
        return Optional.ofNullable(policies.get(name));
      }

      @Override
      public Optional<ThrottlingPolicy> findForUpdate(String name) {
        locked.add(name);
        return find(name);
      }

      @Override
      public List<ThrottlingPolicy> all() {
        return List.copyOf(policies.values());
      }

      @Override
      public void add(ThrottlingPolicy policy) {
        policies.put(policy.name(), policy);
      }

      @Override
      public void remove(ThrottlingPolicy policy) {
        policies.remove(policy.name());
      }
    };
  }

  @BeforeEach
  void seed() {
    for (ThrottlingPolicySpec s :
        List.of(
            new ThrottlingPolicySpec("Unlimited", 0, 60, null, null, null, false, "No limit"),
            new ThrottlingPolicySpec("Gold", 5000, 60, null, null, null, false, ""))) {
      policies.put(s.name(), ThrottlingPolicy.create(s));
    }
    changes = new ChangeRecorder();
    changes.time = new TimeSource(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    changes.changeLog =
        stub(
            ChangeLog.class,
            Map.of(
                "append",
                a -> {
                  changeLog.add((ChangeLogEntry) a[0]);
                  return null;
                }));
    changes.audit =
        stub(
            AuditLog.class,
            Map.of(
                "record",
                a -> {
                  audit.add((AuditEntry) a[0]);
                  return null;
                }));
  }

  private DefaultThrottlingPolicyService policyService() {
    DefaultThrottlingPolicyService service = new DefaultThrottlingPolicyService();
    service.policies = policyRepository();
    service.changes = changes;
    service.subscriptions =
        stub(
            SubscriptionRepository.class,
            Map.of(
                "countNotEndedAtTier",
                a -> usage.getOrDefault("subscriptions", 0L),
                "moveEndedToTier",
                a -> {
                  movedEnded.add(a[0] + "->" + a[1]);
                  return 3;
                }));
    service.applications =
        stub(
            ApplicationRepository.class,
            Map.of("countAtTier", a -> usage.getOrDefault("applications", 0L)));
    service.apis =
        stub(ApiRepository.class, Map.of("countUsingTier", a -> usage.getOrDefault("apis", 0L)));
    return service;
  }

  private static ThrottlingPolicySpec platinum(String name, long count) {
    return new ThrottlingPolicySpec(name, count, 60, 100, null, null, true, "");
  }

  private static String code(Runnable r) {
    return assertThrows(DomainException.class, r::run).code();
  }

  private List<String> changeLogLines() {
    return changeLog.stream().map(e -> e.type() + " " + e.entityId()).toList();
  }

  @Test
  void everyCreateEditAndDeleteAppendsTierChangedAndIsAudited() {
    DefaultThrottlingPolicyService service = policyService();
    ThrottlingPolicy created = service.create(platinum("Platinum", 9000), "root");
    assertEquals(9000, service.get("Platinum").requestCount());
    assertEquals(created, policies.get("Platinum"));
    service.update("Platinum", platinum(null, 8000), "root");
    assertEquals(8000, policies.get("Platinum").requestCount());
    service.delete("Platinum", "root");
    assertTrue(policies.get("Platinum") == null);

    assertEquals(
        List.of("TIER_CHANGED Platinum", "TIER_CHANGED Platinum", "TIER_CHANGED Platinum"),
        changeLogLines());
    assertEquals(
        List.of("created", "updated", "deleted"), audit.stream().map(AuditEntry::action).toList());
    assertTrue(audit.stream().allMatch(e -> e.entityType().equals("tier")));
    assertTrue(audit.stream().allMatch(e -> e.actor().equals("root")));
    assertEquals(
        "8000 requests per 60 s, burst 100/s, shared by all datacenters", audit.get(1).detail());
    assertEquals(List.of("Platinum"), locked, "the row is locked before its usage is counted");
    assertEquals(List.of("Platinum->Unlimited"), movedEnded);
    assertEquals("3 ended subscriptions moved to Unlimited", audit.get(2).detail());
  }

  @Test
  void refusesATakenNameAnUnknownOneAndARename() {
    DefaultThrottlingPolicyService service = policyService();
    assertEquals("tier_exists", code(() -> service.create(platinum("Gold", 1000), "root")));
    assertEquals("tier_not_found", code(() -> service.get("Nope")));
    assertEquals(
        "tier_not_found", code(() -> service.update("Nope", platinum(null, 1000), "root")));
    assertEquals("tier_not_found", code(() -> service.delete("Nope", "root")));
    assertEquals(
        "tier_name_frozen", code(() -> service.update("Gold", platinum("Platinum", 1000), "root")));
    assertTrue(changeLog.isEmpty());
  }

  @Test
  void neverDeletesUnlimitedNorAPolicyInUse() {
    DefaultThrottlingPolicyService service = policyService();
    assertEquals("tier_protected", code(() -> service.delete("Unlimited", "root")));
    assertEquals(
        "tier_protected", code(() -> service.update("Unlimited", platinum(null, 1000), "root")));
    for (String what : List.of("subscriptions", "applications", "apis")) {
      usage.clear();
      usage.put(what, 1L);
      assertEquals("tier_in_use", code(() -> service.delete("Gold", "root")), what);
    }
    assertTrue(policies.containsKey("Gold"));
    assertTrue(changeLog.isEmpty());
    assertTrue(movedEnded.isEmpty());
  }

  private DefaultApplicationService applicationService() {
    DefaultApplicationService service = new DefaultApplicationService();
    service.tiers = policyRepository();
    service.changes = changes;
    service.time = changes.time;
    service.applications =
        stub(
            ApplicationRepository.class,
            Map.of(
                "find",
                a -> Optional.ofNullable(applications.get((String) a[0])),
                "existsByOwnerAndName",
                a ->
                    applications.values().stream()
                        .anyMatch(app -> app.owner().equals(a[0]) && app.name().equals(a[1])),
                "add",
                a -> {
                  Application app = (Application) a[0];
                  applications.put(app.id(), app);
                  return null;
                }));
    return service;
  }

  @Test
  void anApplicationGetsAKnownTierAndEveryChangeReachesTheGateways() {
    DefaultApplicationService service = applicationService();
    Application app = service.create("dev", "Shop", "", null);
    assertEquals("Unlimited", app.tier());
    service.update("dev", app.id(), "Shop", "", "Gold");
    assertEquals("Gold", applications.get(app.id()).tier());
    service.update("dev", app.id(), "Shop", "", null);
    assertEquals("Unlimited", applications.get(app.id()).tier());
    assertEquals(
        List.of(
            "APPLICATION_CHANGED " + app.id(),
            "APPLICATION_CHANGED " + app.id(),
            "APPLICATION_CHANGED " + app.id()),
        changeLogLines());
    assertEquals("Shop tier Gold", audit.get(1).detail());
  }

  @Test
  void anApplicationWithAnUnknownTierIsRefused() {
    DefaultApplicationService service = applicationService();
    assertEquals("unknown_tier", code(() -> service.create("dev", "Shop", "", "Platinum")));
    assertTrue(applications.isEmpty());
    Application app = service.create("dev", "Shop", "", "Gold");
    assertEquals(
        "unknown_tier", code(() -> service.update("dev", app.id(), "Shop", "", "Platinum")));
    // The refused update appends nothing (and its transaction rolls back).
    assertEquals(1, changeLog.size());
  }

  @Test
  void anApiWithAnUnknownTierIsRefused() {
    DefaultApiService service = new DefaultApiService();
    service.tiers = policyRepository();
    service.changes = changes;
    service.time = changes.time;
    service.apis =
        stub(
            ApiRepository.class,
            Map.of(
                "findByContextAndVersion", a -> Optional.empty(),
                "findDefaultVersions", a -> List.of(),
                "add", a -> null));
    ApiSpec s = ApiFixtures.spec();
    ApiSpec platinum =
        new ApiSpec(
            s.name(),
            s.context(),
            s.version(),
            s.defaultVersion(),
            s.description(),
            s.tags(),
            s.visibility(),
            s.operations(),
            s.defaultEndpoint(),
            s.datacenterEndpoints(),
            s.cors(),
            "Platinum",
            null);
    assertEquals("unknown_tier", code(() -> service.create(platinum, "pat")));
    ApiSpec gold =
        new ApiSpec(
            s.name(),
            s.context(),
            s.version(),
            s.defaultVersion(),
            s.description(),
            s.tags(),
            s.visibility(),
            s.operations(),
            s.defaultEndpoint(),
            s.datacenterEndpoints(),
            s.cors(),
            "Gold",
            null);
    assertEquals("Gold", service.create(gold, "pat").tier());
  }
}
