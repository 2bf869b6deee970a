package io.rdswatch.agent.http.security;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Turns a PEM certificate chain and a PEM private key into the in-memory key store Jetty serves
 * HTTPS from. Only unencrypted PKCS#8 keys ("BEGIN PRIVATE KEY") are read, which is what {@code
 * openssl req -nodes}, certbot and cert-manager write; other forms get a message saying how to
 * convert them.
 */
public final class PemKeyStore {

  /** The in-memory store's password; it never leaves this process. */
  public static final String PASSWORD = "rdswatch";

  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

  private PemKeyStore() {}

  /**
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static KeyStore load(Path certFile, Path keyFile) {
    List<? extends Certificate> chain = certificates(certFile);
    PrivateKey key = privateKey(keyFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("rdswatch", key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "certFile '"
              + certFile
              + "' and keyFile '"
              + keyFile
              + "' do not make a usable key pair ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /**
   * A TLS context that trusts exactly the certificates in {@code certFile}: how the CLI talks to
   * its own agent over `http.tls` without a CA bundle.
   */
  public static SSLContext trusting(Path certFile) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      List<? extends Certificate> chain = certificates(certFile);
      for (int i = 0; i < chain.size(); i++) {
        trust.setCertificateEntry("agent-" + i, chain.get(i));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "certFile: '" + certFile + "' cannot be trusted (" + e.getMessage() + ")", e);
    }
  }

  private static List<? extends Certificate> certificates(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<? extends Certificate> chain =
          List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("certFile: '" + file + "' holds no PEM certificate");
      }
      return chain;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "certFile: cannot read '" + file + "' (" + e.getMessage() + ")", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "certFile: '" + file + "' is not a PEM certificate chain (" + e.getMessage() + ")", e);
    }
  }

  private static PrivateKey privateKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "keyFile: cannot read '" + file + "' (" + e.getMessage() + ")", e);
    }
    Matcher m = PKCS8.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException(
          "keyFile: '"
              + file
              + "' holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY);"
              + " convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm; try the next
      }
    }
    throw new IllegalArgumentException(
        "keyFile: '" + file + "' holds a key that is not RSA, EC or EdDSA");
  }
}
