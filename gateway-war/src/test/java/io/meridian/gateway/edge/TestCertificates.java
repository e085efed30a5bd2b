package io.meridian.gateway.edge;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at test time and a server certificate it signed for {@code
 * localhost} and {@code 127.0.0.1}, written as PEM files, the way an operator would hand them to a
 * gateway node.
 */
final class TestCertificates {

  final Path caFile;
  final Path certFile;
  final Path keyFile;
  final X509Certificate ca;

  private TestCertificates(Path caFile, Path certFile, Path keyFile, X509Certificate ca) {
    this.caFile = caFile;
    this.certFile = certFile;
    this.keyFile = keyFile;
    this.ca = ca;
  }

  static TestCertificates create(Path dir) throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair caKeys = rsa.generateKeyPair();
    X500Name caName = new X500Name("CN=Meridian Test CA");
    Instant now = Instant.now();
    X509Certificate ca =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        caName,
                        BigInteger.ONE,
                        Date.from(now.minus(1, ChronoUnit.HOURS)),
                        Date.from(now.plus(1, ChronoUnit.DAYS)),
                        caName,
                        caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(
                        Extension.keyUsage,
                        true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .build(
                        new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    KeyPair serverKeys = rsa.generateKeyPair();
    X509Certificate server =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        caName,
                        BigInteger.TWO,
                        Date.from(now.minus(1, ChronoUnit.HOURS)),
                        Date.from(now.plus(1, ChronoUnit.DAYS)),
                        new X500Name("CN=localhost"),
                        serverKeys.getPublic())
                    .addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(
                            new GeneralName[] {
                              new GeneralName(GeneralName.dNSName, "localhost"),
                              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                            }))
                    .build(
                        new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    Path caFile = dir.resolve("ca.pem");
    Path certFile = dir.resolve("server.pem");
    Path keyFile = dir.resolve("server-key.pem");
    Files.writeString(caFile, pem(ca));
    Files.writeString(certFile, pem(server) + pem(ca));
    Files.writeString(keyFile, pem(serverKeys.getPrivate()));
    return new TestCertificates(caFile, certFile, keyFile, ca);
  }

  /** A client TLS context that trusts only this CA. */
  SSLContext clientContext() throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  private static String pem(Object o) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(o);
    }
    return out.toString();
  }
}
