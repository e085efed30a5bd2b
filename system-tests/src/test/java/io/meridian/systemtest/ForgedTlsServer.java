package io.meridian.systemtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An impostor: a server at {@code address} that presents a certificate for that address from a CA
 * of its own (made with openssl at test time, named like the installation's), speaking PostgreSQL's
 * TLS opening (it answers the client's SSLRequest with 'S', then the handshake).
 */
final class ForgedTlsServer implements AutoCloseable {

  private static final char[] PASSWORD = "forged".toCharArray(); // a throwaway store's

  private final ServerSocket server;
  private final Thread acceptor;
  final Path forgedCa;

  ForgedTlsServer(String address, Path dir) throws Exception {
    Files.createDirectories(dir);
    forgedCa = dir.resolve("forged-ca.crt");
    openssl(
        dir,
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "forged-ca.key",
        "-out",
        "forged-ca.crt",
        "-days",
        "2",
        "-subj",
        "/O=Meridian/CN=Meridian installation CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE");
    openssl(
        dir,
        "req",
        "-new",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "forged.key",
        "-out",
        "forged.csr",
        "-subj",
        "/O=Meridian/CN=postgres-master");
    Files.writeString(dir.resolve("forged.ext"), "subjectAltName=IP:" + address + "\n");
    openssl(
        dir,
        "x509",
        "-req",
        "-in",
        "forged.csr",
        "-CA",
        "forged-ca.crt",
        "-CAkey",
        "forged-ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "forged.ext",
        "-out",
        "forged.crt");
    openssl(
        dir,
        "pkcs12",
        "-export",
        "-in",
        "forged.crt",
        "-inkey",
        "forged.key",
        "-passout",
        "pass:forged",
        "-out",
        "forged.p12");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("forged.p12"))) {
      ks.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);

    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
    acceptor = new Thread(() -> serve(tls), "forged-tls-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve(SSLContext tls) {
    while (!server.isClosed()) {
      try (Socket plain = server.accept()) {
        plain.getInputStream().readNBytes(8); // PostgreSQL's SSLRequest
        plain.getOutputStream().write('S');
        plain.getOutputStream().flush();
        try (SSLSocket s =
            (SSLSocket)
                tls.getSocketFactory()
                    .createSocket(plain, plain.getInetAddress().getHostAddress(), 0, false)) {
          s.setUseClientMode(false);
          s.startHandshake();
        }
      } catch (IOException e) {
        // the client refused us (the point) or went away
      }
    }
  }

  private static void openssl(Path dir, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Wan.Result r = Wan.run(Map.of(), withDir(dir, command));
    if (!r.ok()) {
      throw new IllegalStateException("openssl failed: " + r.output());
    }
  }

  private static List<String> withDir(Path dir, List<String> command) {
    List<String> out = new java.util.ArrayList<>(List.of("env", "-C", dir.toString()));
    out.addAll(command);
    return out;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
