package io.meridian.domain.model.application;

import java.util.List;
import java.util.Optional;

/** Stores applications and their OAuth clients. */
public interface ApplicationRepository {

  Optional<Application> find(String id);

  List<Application> findByOwner(String owner);

  boolean existsByOwnerAndName(String owner, String name);

  void add(Application application);

  void remove(Application application);

  /** How many applications have {@code tier} as their own throttling policy. */
  long countAtTier(String tier);

  Optional<OAuthClient> findClient(String consumerKey);

  Optional<OAuthClient> findClientOfApplication(String applicationId);

  void addClient(OAuthClient client);
}
