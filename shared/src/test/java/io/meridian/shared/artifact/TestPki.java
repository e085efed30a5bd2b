package io.meridian.shared.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Test CAs and server certificates made with {@code openssl} into a directory: no password ever
 * reaches a command line, the server's key store is built in memory.
 */
final class TestPki {

  private static final String CONFIG =
      """
      [req]
      distinguished_name = dn
      prompt = no
      [dn]
      [ca]
      basicConstraints = critical,CA:TRUE
      keyUsage = critical,keyCertSign,cRLSign
      subjectKeyIdentifier = hash
      """;

  private final Path dir;

  TestPki(Path dir) throws IOException {
    this.dir = dir;
    Files.writeString(dir.resolve("openssl.cnf"), CONFIG);
  }

  /** A self-signed CA; {@code name}.pem and {@code name}.key. */
  Path ca(String name, String commonName) throws IOException {
    key(name);
    openssl(
        "req",
        "-x509",
        "-new",
        "-config",
        "openssl.cnf",
        "-extensions",
        "ca",
        "-key",
        name + ".key",
        "-subj",
        "/CN=" + commonName,
        "-days",
        "2",
        "-out",
        name + ".pem");
    return dir.resolve(name + ".pem");
  }

  /** A server certificate for {@code subjectAltName} (e.g. IP:127.0.0.1), signed by {@code ca}. */
  Path server(String name, String ca, String subjectAltName) throws IOException {
    key(name);
    Files.writeString(
        dir.resolve(name + ".ext"),
        "basicConstraints = CA:FALSE\n"
            + "keyUsage = critical,digitalSignature\n"
            + "extendedKeyUsage = serverAuth\n"
            + "subjectAltName = "
            + subjectAltName
            + "\n");
    openssl(
        "req",
        "-new",
        "-config",
        "openssl.cnf",
        "-key",
        name + ".key",
        "-subj",
        "/CN=artifact server",
        "-out",
        name + ".csr");
    openssl(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        ca + ".pem",
        "-CAkey",
        ca + ".key",
        "-set_serial",
        Long.toString(System.nanoTime()),
        "-days",
        "2",
        "-extfile",
        name + ".ext",
        "-out",
        name + ".pem");
    return dir.resolve(name + ".pem");
  }

  /** A server-side TLS context presenting {@code name}'s certificate and its CA's. */
  SSLContext serverContext(String name, String ca) throws IOException, GeneralSecurityException {
    String pem = Files.readString(dir.resolve(name + ".key"), StandardCharsets.US_ASCII);
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip());
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    char[] password = "in-memory".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server", key, password, new Certificate[] {cert(name + ".pem"), cert(ca + ".pem")});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private Certificate cert(String file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(dir.resolve(file))) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private void key(String name) throws IOException {
    openssl(
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-out",
        name + ".key");
  }

  private void openssl(String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while running openssl", e);
    }
  }
}
