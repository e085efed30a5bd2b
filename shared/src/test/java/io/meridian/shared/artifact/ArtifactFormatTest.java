package io.meridian.shared.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.EndpointDefinition;
import io.meridian.shared.api.OperationDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactFormatTest {

  private static final KeyPair KEYS = ed25519();
  private static final String PUBLIC =
      Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiArtifact artifact(ArtifactState state) {
    return new ApiArtifact(
        "a1",
        3,
        state,
        new ApiDefinition(
            "a1",
            "Pizza",
            "/pizza",
            "1.0",
            false,
            "",
            List.of(),
            "PUBLIC",
            "pat",
            List.of(new OperationDefinition("GET", "/menu", false, List.of(), "Unlimited")),
            new EndpointDefinition("http://127.0.0.1:9000", 5000),
            Map.of("dc-ro1", new EndpointDefinition("http://10.0.0.2:9000", 2000)),
            null,
            null));
  }

  @Test
  void anArtifactRoundTripsAndItsBytesAreStable() {
    ApiArtifact a = artifact(ArtifactState.BLOCKED);
    assertEquals(a, ApiArtifact.fromBytes(a.toBytes()));
    assertArrayEquals(a.toBytes(), artifact(ArtifactState.BLOCKED).toBytes());
    assertTrue(a.blocked() && a.routed());
    assertTrue(!artifact(ArtifactState.RETIRED).routed());
  }

  @Test
  void aSignatureVerifiesOnlyTheExactBytesWithAKnownKey() {
    byte[] doc = artifact(ArtifactState.PUBLISHED).toBytes();
    DocumentSignature sig =
        DocumentSignature.fromBytes(DocumentSignature.sign(doc, "k1", KEYS.getPrivate()).toBytes());
    sig.verify(doc, kid -> kid.equals("k1") ? PUBLIC : null);

    byte[] tampered = new String(doc, StandardCharsets.UTF_8).replace("/menu", "/menv").getBytes();
    assertEquals(
        "bad_signature",
        assertThrows(ArtifactException.class, () -> sig.verify(tampered, kid -> PUBLIC)).code());
    assertEquals(
        "unknown_key",
        assertThrows(ArtifactException.class, () -> sig.verify(doc, kid -> null)).code());
    String other = Base64.getEncoder().encodeToString(ed25519().getPublic().getEncoded());
    assertEquals(
        "bad_signature",
        assertThrows(ArtifactException.class, () -> sig.verify(doc, kid -> other)).code());
  }

  @Test
  void aManifestRoundTripsSortedAndRefusesBadHashes() {
    String sha = Digests.sha256(new byte[] {1});
    Manifest m =
        new Manifest(
            7,
            List.of(
                new Manifest.Entry("b", 1, "PUBLISHED", sha),
                new Manifest.Entry("a", 2, "BLOCKED", sha)));
    Manifest read = Manifest.fromBytes(m.toBytes());
    assertEquals(m, read);
    assertEquals("a", read.entries().get(0).apiId());
    byte[] bad =
        new String(m.toBytes(), StandardCharsets.UTF_8).replace(sha, "../../etc/passwd").getBytes();
    assertThrows(ArtifactException.class, () -> Manifest.fromBytes(bad));
  }

  @Test
  void theDirectoryStoreWritesAtomicallyAndStaysInsideItsRoot(@TempDir Path dir) throws Exception {
    DirectoryArtifactStore store = new DirectoryArtifactStore(dir);
    store.put("artifacts/x.json", new byte[] {1, 2});
    store.put("artifacts/x.json", new byte[] {3});
    assertArrayEquals(new byte[] {3}, store.get("artifacts/x.json").orElseThrow());
    assertTrue(store.get("artifacts/missing.json").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> store.get("../outside"));
    try (var files = Files.list(dir.resolve("artifacts"))) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void anAnnouncementRefusesAnythingButAHash() {
    Announcement a =
        new Announcement(
            "a1", 2, ArtifactState.PUBLISHED, Digests.sha256(new byte[0]), 1, "0/3000148", "t");
    assertEquals(a, Announcement.fromJson(a.toJson()));
    assertThrows(
        ArtifactException.class, () -> Announcement.fromJson(a.toJson().replace(a.sha256(), "x")));
  }

  @Test
  void statesTravelAsTheirNamesAndAnUnknownOneIsMalformed() {
    Announcement a =
        new Announcement(
            "a1", 2, ArtifactState.DEPRECATED, Digests.sha256(new byte[0]), 1, "0/3000148", "t");
    assertTrue(a.toJson().contains("\"state\":\"DEPRECATED\""), a.toJson());
    assertTrue(
        new String(artifact(ArtifactState.BLOCKED).toBytes(), StandardCharsets.UTF_8)
            .endsWith("\"revision\":3,\"state\":\"BLOCKED\"}"));
    DeploymentAck ack =
        new DeploymentAck("dc-ro1", "n1", "a1", 2, ArtifactState.RETIRED, "ab", 7, "t");
    assertTrue(ack.toJson().contains("\"state\":\"RETIRED\""), ack.toJson());
    assertEquals(ack, DeploymentAck.fromJson(ack.toJson()));

    assertEquals(
        "malformed",
        assertThrows(
                ArtifactException.class,
                () -> Announcement.fromJson(a.toJson().replace("DEPRECATED", "ARCHIVED")))
            .code());
    assertEquals(
        "malformed",
        assertThrows(
                ArtifactException.class,
                () -> DeploymentAck.fromJson(ack.toJson().replace("RETIRED", "retired")))
            .code());
    byte[] unknown =
        new String(artifact(ArtifactState.BLOCKED).toBytes(), StandardCharsets.UTF_8)
            .replace("\"BLOCKED\"", "\"CREATED\"")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "malformed",
        assertThrows(ArtifactException.class, () -> ApiArtifact.fromBytes(unknown)).code());
    assertTrue(ArtifactState.BLOCKED.routed() && ArtifactState.BLOCKED.blocked());
    assertTrue(!ArtifactState.RETIRED.routed() && !ArtifactState.DEPRECATED.blocked());
  }
}
