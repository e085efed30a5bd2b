package io.meridian.domain.model.api;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.shared.Sha256;
import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.ApiDefinitionJson;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An API managed by Meridian. It owns its lifecycle: only the transitions of {@link ApiState} are
 * allowed, and publishing freezes an immutable {@link ApiRevision} when the definition changed.
 */
@Entity
@Table(name = "apis")
public class Api {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Version
  @Column(name = "opt_lock")
  private long optLock;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "context", nullable = false, length = 300)
  private String context;

  @Column(name = "version", nullable = false, length = 32)
  private String version;

  @Column(name = "default_version", nullable = false)
  private boolean defaultVersion;

  @Column(name = "description", nullable = false, length = 4000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "visibility", nullable = false, length = 16)
  private Visibility visibility;

  @Column(name = "owner", nullable = false, length = 64)
  private String owner;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private ApiState state;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "api_tags", joinColumns = @JoinColumn(name = "api_id"))
  @OrderColumn(name = "position")
  @Column(name = "tag", length = 32)
  private List<String> tags = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "api_operations", joinColumns = @JoinColumn(name = "api_id"))
  @OrderColumn(name = "position")
  private List<Operation> operations = new ArrayList<>();

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "urls", column = @Column(name = "default_endpoint_url")),
    @AttributeOverride(
        name = "timeoutMillis",
        column = @Column(name = "default_endpoint_timeout_ms"))
  })
  private Endpoint defaultEndpoint;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "api_endpoint_overrides", joinColumns = @JoinColumn(name = "api_id"))
  @MapKeyColumn(name = "datacenter", length = 63)
  private Map<String, Endpoint> datacenterEndpoints = new HashMap<>();

  /** Null when the API allows no cross-origin calls (all its columns are then null). */
  @Embedded private CorsPolicy cors;

  /** Null when gateways serve the API whatever their replica's lag (all its columns null). */
  @Embedded private StalenessPolicy staleness;

  /** The throttling policy of the API as a whole, by name: back-end protection. */
  @Column(name = "tier", nullable = false, length = 64)
  private String tier;

  /**
   * The OpenAPI document the API was last imported from, or null. Not part of the definition that
   * gateways serve, so keeping it changes no revision. Eager on purpose: EclipseLink's woven lazy
   * basics re-read a partially fetched row on first access, which dropped the changes an import had
   * just made to the rest of the API.
   */
  @Column(name = "openapi_document")
  private String openApiDocument;

  @Column(name = "latest_revision", nullable = false)
  private int latestRevision;

  @Column(name = "latest_revision_hash", length = 64)
  private String latestRevisionHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Api() {}

  public static Api create(ApiSpec spec, String owner, OffsetDateTime now) {
    Api api = new Api();
    api.id = UUID.randomUUID().toString();
    api.owner = owner;
    api.state = ApiState.CREATED;
    api.createdAt = now;
    api.apply(spec, now);
    return api;
  }

  /**
   * Replaces the definition. Context and version identify a published API to its consumers, so they
   * may only change before the first publication.
   */
  public void update(ApiSpec spec, OffsetDateTime now) {
    if (!state.isEditable()) {
      throw DomainException.conflict(
          "api_not_editable", "An API in state " + state + " can no longer be edited");
    }
    if (state != ApiState.CREATED
        && (!spec.context().equals(context) || !spec.version().equals(version))) {
      throw DomainException.conflict(
          "api_identity_frozen",
          "context and version cannot change once an API has been published;"
              + " create a new version instead");
    }
    apply(spec, now);
  }

  private void apply(ApiSpec spec, OffsetDateTime now) {
    this.name = spec.name();
    this.context = spec.context();
    this.version = spec.version();
    this.defaultVersion = spec.defaultVersion();
    this.description = spec.description();
    this.tags = new ArrayList<>(spec.tags());
    this.visibility = spec.visibility();
    this.operations = new ArrayList<>(spec.operations());
    this.defaultEndpoint = spec.defaultEndpoint();
    this.datacenterEndpoints = new LinkedHashMap<>(spec.datacenterEndpoints());
    this.cors = spec.cors();
    this.tier = spec.tier();
    this.staleness = spec.staleness();
    this.updatedAt = now;
  }

  /**
   * Moves the API to {@code target}. Entering PUBLISHED from CREATED, or re-publishing a published
   * API whose definition changed, freezes a new revision, which is returned.
   */
  public Optional<ApiRevision> transitionTo(ApiState target, String actor, OffsetDateTime now) {
    if (!state.canBecome(target)) {
      throw DomainException.conflict(
          "illegal_lifecycle_transition", "An API in state " + state + " cannot become " + target);
    }
    ApiState from = state;
    state = target;
    updatedAt = now;
    boolean publishing =
        target == ApiState.PUBLISHED && (from == ApiState.CREATED || from == ApiState.PUBLISHED);
    if (!publishing) {
      return Optional.empty();
    }
    String json = ApiDefinitionJson.write(definition());
    String hash = Sha256.hex(json);
    if (hash.equals(latestRevisionHash)) {
      return Optional.empty();
    }
    latestRevision++;
    latestRevisionHash = hash;
    return Optional.of(new ApiRevision(id, latestRevision, json, hash, actor, now));
  }

  /**
   * Puts an earlier revision back in service: its definition becomes the API's again and is frozen
   * as a new revision (gateways and manifests only ever move forward). Only a published API rolls
   * back, and only to a revision before its latest whose definition differs from what is live;
   * edits not yet published are replaced.
   */
  public ApiRevision rollBackTo(ApiRevision earlier, String actor, OffsetDateTime now) {
    if (state != ApiState.PUBLISHED) {
      throw DomainException.conflict(
          "illegal_lifecycle_transition",
          "Only a PUBLISHED API can roll back; this one is " + state);
    }
    if (!earlier.apiId().equals(id) || earlier.number() >= latestRevision) {
      throw DomainException.invalid(
          "invalid_revision",
          "Roll back to a revision before the latest one (" + latestRevision + ")");
    }
    if (earlier.sha256().equals(latestRevisionHash)) {
      throw DomainException.conflict(
          "revision_in_service",
          "Revision " + earlier.number() + " has the definition already in service");
    }
    apply(ApiSpec.of(ApiDefinitionJson.read(earlier.definition())), now);
    return transitionTo(ApiState.PUBLISHED, actor, now)
        .orElseThrow(() -> new IllegalStateException("a changed definition freezes a revision"));
  }

  /**
   * Keeps {@code document} as the description the API was imported from, replacing any earlier one.
   * Edits of the definition alone leave it as it is.
   */
  public void keepOpenApiDocument(OpenApiDocument document, OffsetDateTime now) {
    if (!state.isEditable()) {
      throw DomainException.conflict(
          "api_not_editable", "An API in state " + state + " can no longer be edited");
    }
    this.openApiDocument = document.text();
    this.updatedAt = now;
  }

  /** The OpenAPI document the API was last imported from, if it was. */
  public Optional<OpenApiDocument> openApiDocument() {
    return Optional.ofNullable(openApiDocument).map(OpenApiDocument::new);
  }

  /** True when the current definition differs from the last published revision. */
  public boolean hasUnpublishedChanges() {
    return !Sha256.hex(ApiDefinitionJson.write(definition())).equals(latestRevisionHash);
  }

  public ApiDefinition definition() {
    Map<String, io.meridian.shared.api.EndpointDefinition> overrides = new LinkedHashMap<>();
    datacenterEndpoints.forEach((dc, e) -> overrides.put(dc, e.definition()));
    return new ApiDefinition(
        id,
        name,
        context,
        version,
        defaultVersion,
        description,
        tags,
        visibility.name(),
        owner,
        operations.stream().map(Operation::definition).toList(),
        defaultEndpoint.definition(),
        overrides,
        cors == null ? null : cors.definition(),
        tier,
        staleness == null ? null : staleness.definition());
  }

  public boolean isOwnedBy(String username) {
    return owner.equals(username);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String context() {
    return context;
  }

  public String version() {
    return version;
  }

  public boolean isDefaultVersion() {
    return defaultVersion;
  }

  public String description() {
    return description;
  }

  public List<String> tags() {
    return List.copyOf(tags);
  }

  public Visibility visibility() {
    return visibility;
  }

  public String owner() {
    return owner;
  }

  public ApiState state() {
    return state;
  }

  public List<Operation> operations() {
    return List.copyOf(operations);
  }

  public Endpoint defaultEndpoint() {
    return defaultEndpoint;
  }

  public Map<String, Endpoint> datacenterEndpoints() {
    return Map.copyOf(datacenterEndpoints);
  }

  /** The cross-origin rules, empty when the API allows no cross-origin calls. */
  public Optional<CorsPolicy> cors() {
    return Optional.ofNullable(cors);
  }

  /** What gateways do while their replica lags; empty: serve whatever the lag. */
  public Optional<StalenessPolicy> staleness() {
    return Optional.ofNullable(staleness);
  }

  /** The name of the throttling policy that limits all consumers of the API together. */
  public String tier() {
    return tier;
  }

  public int latestRevision() {
    return latestRevision;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
