package io.meridian.domain.model.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores APIs and their revisions. */
public interface ApiRepository {

  Optional<Api> find(String id);

  Optional<Api> findByContextAndVersion(String context, String version);

  /** APIs of a context marked as its default version. */
  List<Api> findDefaultVersions(String context);

  /**
   * APIs whose name, context, description or tags contain {@code query} (case-insensitive), in any
   * of {@code states} (all states when empty), ordered by name, then version.
   */
  List<Api> search(String query, Set<ApiState> states, int offset, int limit);

  void add(Api api);

  void remove(Api api);

  /**
   * How many APIs use {@code tier}: as the API's own throttling policy, in an operation of the
   * current definition, or in the latest published revision of an API gateways may still serve
   * (edited since, not yet republished).
   */
  long countUsingTier(String tier);

  void addRevision(ApiRevision revision);

  List<ApiRevision> revisions(String apiId);

  Optional<ApiRevision> revision(String apiId, int number);
}
