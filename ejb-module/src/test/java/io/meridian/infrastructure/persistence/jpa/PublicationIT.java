package io.meridian.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.application.internal.PublicationSteps;
import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiFixtures;
import io.meridian.domain.model.api.ApiState;
import io.meridian.domain.model.publication.Publication;
import io.meridian.domain.model.user.Role;
import io.meridian.domain.model.user.User;
import io.meridian.infrastructure.TimeSource;
import io.meridian.infrastructure.keys.KeyEncryption;
import io.meridian.infrastructure.publication.ArtifactSigner;
import io.meridian.shared.artifact.Announcement;
import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.ArtifactState;
import io.meridian.shared.artifact.ArtifactStore;
import io.meridian.shared.artifact.Digests;
import io.meridian.shared.artifact.DirectoryArtifactStore;
import io.meridian.shared.artifact.DocumentSignature;
import io.meridian.shared.artifact.Manifest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publication outbox against a real PostgreSQL and a directory artifact server: a failure
 * part-way publishes nothing and loses nothing, and repeating a step changes nothing.
 */
class PublicationIT {

  private static EntityManagerFactory emf;
  private static final TimeSource TIME = new TimeSource();
  private static final KeyEncryption ENCRYPTION =
      new KeyEncryption("publication-it-secret-0123456789abcdef");

  @TempDir Path server;

  @BeforeAll
  static void migrate() throws Exception {
    TestDatabase.reset();
    SchemaMigrator.migrate(TestDatabase.dataSource(), PublicationIT.class.getClassLoader());
    emf = TestDatabase.entityManagerFactory();
    inTransaction(
        em -> {
          new JpaUserRepository(em)
              .add(new User("pat", "h", "", EnumSet.of(Role.publisher), TIME.now()));
          return null;
        });
  }

  @AfterAll
  static void close() {
    emf.close();
  }

  interface Work<T> {
    T apply(EntityManager em) throws Exception;
  }

  static <T> T inTransaction(Work<T> work) throws Exception {
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

  private static PublicationSteps steps(EntityManager em, ArtifactStore store) {
    return new PublicationSteps(
        new JpaPublicationRepository(em),
        new JpaApiRepository(em),
        new ArtifactSigner(em, ENCRYPTION, TIME),
        store,
        TIME);
  }

  /** A published API and its outbox entry, as the lifecycle change writes them. */
  private static long publishedApiWithOutboxEntry(String context) throws Exception {
    return inTransaction(
        em -> {
          Api api = Api.create(ApiFixtures.spec(context, "d"), "pat", TIME.now());
          JpaApiRepository apis = new JpaApiRepository(em);
          apis.add(api);
          apis.addRevision(api.transitionTo(ApiState.PUBLISHED, "pat", TIME.now()).orElseThrow());
          Publication p = new Publication(api.id(), 1, "PUBLISHED", TIME.now());
          new JpaPublicationRepository(em).add(p);
          em.flush();
          return p.id();
        });
  }

  /** A store whose writes of {@code failing} fail: a crash part-way through a step. */
  private static ArtifactStore failingAt(ArtifactStore real, String failing) {
    return new ArtifactStore() {
      @Override
      public void put(String path, byte[] bytes) throws IOException {
        if (path.equals(failing) || path.endsWith(failing)) {
          throw new IOException("connection reset");
        }
        real.put(path, bytes);
      }

      @Override
      public Optional<byte[]> get(String path) throws IOException {
        return real.get(path);
      }

      @Override
      public String location() {
        return real.location();
      }
    };
  }

  @Test
  void aFailurePartWayPublishesNothingAndTheRetryPublishesOnce() throws Exception {
    DirectoryArtifactStore store = new DirectoryArtifactStore(server);
    long id = publishedApiWithOutboxEntry("/outbox-a");

    // The artifact is written, its signature is not: nothing is published.
    assertThrows(
        IOException.class,
        () -> inTransaction(em -> steps(em, failingAt(store, ".sig")).publish(id)));
    inTransaction(
        em -> {
          JpaPublicationRepository repo = new JpaPublicationRepository(em);
          assertTrue(repo.unpublished(10).contains(id), "still pending");
          String apiId = repo.lock(id).orElseThrow().apiId();
          assertTrue(repo.deployed(apiId).isEmpty(), "not deployed");
          return null;
        });

    assertTrue((boolean) inTransaction(em -> steps(em, store).publish(id)));
    String sha =
        inTransaction(em -> new JpaPublicationRepository(em).lock(id).orElseThrow())
            .artifactSha256();
    byte[] artifact = store.get(ArtifactPaths.artifact(sha)).orElseThrow();
    assertEquals(sha, Digests.sha256(artifact));
    assertEquals("/outbox-a", ApiArtifact.fromBytes(artifact).definition().context());
    assertEquals(ArtifactState.PUBLISHED, ApiArtifact.fromBytes(artifact).state());
    String publicKey =
        inTransaction(
            em ->
                (String)
                    em.createNativeQuery("SELECT public_key FROM artifact_signing_keys")
                        .getSingleResult());
    DocumentSignature.fromBytes(
            store.get(ArtifactPaths.signatureOf(ArtifactPaths.artifact(sha))).orElseThrow())
        .verify(artifact, kid -> publicKey);
    // Repeating the step is a no-op.
    assertTrue((boolean) inTransaction(em -> steps(em, store).publish(id)));
    assertArrayEquals(artifact, store.get(ArtifactPaths.artifact(sha)).orElseThrow());
  }

  @Test
  void theManifestListsEverythingPublishedAndIsWrittenOnceEvenAfterAFailure() throws Exception {
    DirectoryArtifactStore store = new DirectoryArtifactStore(server);
    long first = publishedApiWithOutboxEntry("/outbox-m1");
    long second = publishedApiWithOutboxEntry("/outbox-m2");
    inTransaction(em -> steps(em, store).publish(first));
    inTransaction(em -> steps(em, store).publish(second));

    // The manifest is written, the latest pointer is not: nothing is recorded as listed.
    assertThrows(
        IOException.class,
        () ->
            inTransaction(
                em -> steps(em, failingAt(store, ArtifactPaths.LATEST_MANIFEST)).writeManifest()));
    assertTrue(store.get(ArtifactPaths.LATEST_MANIFEST).isEmpty(), "no latest manifest yet");
    assertEquals(
        Optional.of(second),
        inTransaction(em -> new JpaPublicationRepository(em).newestUnlisted()));

    // The retry: one manifest, numbered by the newest entry, listing both; then nothing to do.
    assertTrue((boolean) inTransaction(em -> steps(em, store).writeManifest()));
    byte[] pointer = store.get(ArtifactPaths.LATEST_MANIFEST).orElseThrow();
    assertEquals(Long.toString(second), new String(pointer, StandardCharsets.US_ASCII));
    Manifest manifest = Manifest.fromBytes(store.get(ArtifactPaths.manifest(second)).orElseThrow());
    assertEquals(second, manifest.revision());
    List<String> contexts = new ArrayList<>();
    for (Manifest.Entry e : manifest.entries()) {
      byte[] artifact = store.get(ArtifactPaths.artifact(e.sha256())).orElseThrow();
      contexts.add(ApiArtifact.fromBytes(artifact).definition().context());
    }
    assertTrue(contexts.containsAll(List.of("/outbox-m1", "/outbox-m2")), contexts.toString());
    assertTrue(inTransaction(em -> new JpaPublicationRepository(em).lock(first)).get().isListed());
    assertFalse((boolean) inTransaction(em -> steps(em, store).writeManifest()));
  }

  @Test
  void theAnnouncementCarriesTheWalPositionAndIsMadeOnce() throws Exception {
    DirectoryArtifactStore store = new DirectoryArtifactStore(server);
    long id = publishedApiWithOutboxEntry("/outbox-b");
    inTransaction(em -> steps(em, store).publish(id));
    Announcement a = inTransaction(em -> steps(em, store).announcement(id)).orElseThrow();
    assertEquals(id, a.manifestRevision());
    assertEquals(ArtifactState.PUBLISHED, a.state());
    assertTrue(a.lsn().matches("[0-9A-F]+/[0-9A-F]+"), a.lsn());
    inTransaction(
        em -> {
          steps(em, store).announced(id, a.lsn());
          return null;
        });
    assertFalse(inTransaction(em -> steps(em, store).announcement(id)).isPresent());
  }
}
