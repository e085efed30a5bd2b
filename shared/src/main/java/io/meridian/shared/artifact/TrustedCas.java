package io.meridian.shared.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A TLS context that trusts exactly the CA certificates of one PEM file. */
public final class TrustedCas {

  private TrustedCas() {}

  /**
   * @throws IllegalArgumentException naming the file, when it cannot be read or holds no X.509
   *     certificate
   */
  public static SSLContext from(Path pemFile) {
    List<Certificate> cas = read(pemFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("ca-" + i, cas.get(i));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "Cannot build a TLS context trusting the CA file " + pemFile + ": " + e, e);
    }
  }

  private static List<Certificate> read(Path pemFile) {
    Collection<? extends Certificate> found;
    try (InputStream in = Files.newInputStream(pemFile)) {
      found = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the CA file " + pemFile + ": " + e, e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "The CA file " + pemFile + " is not a PEM file of X.509 certificates: " + e, e);
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("The CA file " + pemFile + " holds no certificate");
    }
    return new ArrayList<>(found);
  }
}
