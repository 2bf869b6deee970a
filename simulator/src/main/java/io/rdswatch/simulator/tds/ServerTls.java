package io.rdswatch.simulator.tds;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulator's TLS identity: a throw-away certificate authority made at start and a server
 * certificate it signs for {@code localhost} and {@code 127.0.0.1}, like the RDS CA that signs an
 * instance's certificate. Clients trust it through {@code ca.pem} or {@code truststore.p12}
 * (password {@value #TRUST_STORE_PASSWORD}, also in {@code truststore.password}), which {@link
 * #writeTo} saves.
 */
public final class ServerTls {
  public static final String TRUST_STORE_PASSWORD = "changeit";
  public static final String CA_FILE = "ca.pem";
  public static final String TRUST_STORE_FILE = "truststore.p12";

  /**
   * The trust store's password in a file, for clients that read it from one (rdswatch's
   * trustStorePasswordFile).
   */
  public static final String PASSWORD_FILE = "truststore.password";

  /** TDS 7.x carries TLS inside PRELOGIN packets; SQL Server negotiates TLS 1.3 only with TDS 8. */
  private static final String[] TDS7_PROTOCOLS = {"TLSv1.2"};

  private final X509Certificate ca;
  private final SSLContext context;

  private ServerTls(X509Certificate ca, SSLContext context) {
    this.ca = ca;
    this.context = context;
  }

  /** A fresh CA named {@code caName} and a server certificate for localhost and 127.0.0.1. */
  public static ServerTls generate(String caName) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(256);
      KeyPair caKeys = gen.generateKeyPair();
      KeyPair serverKeys = gen.generateKeyPair();
      Instant now = Instant.now();
      X500Name caSubject = new X500Name("CN=" + caName + ", O=rdswatch simulator");
      X509Certificate ca =
          sign(
              new JcaX509v3CertificateBuilder(
                      caSubject,
                      serial(),
                      Date.from(now.minus(Duration.ofDays(1))),
                      Date.from(now.plus(Duration.ofDays(3650))),
                      caSubject,
                      caKeys.getPublic())
                  .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                  .addExtension(
                      Extension.keyUsage,
                      true,
                      new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
              caKeys);
      X509Certificate server =
          sign(
              new JcaX509v3CertificateBuilder(
                      caSubject,
                      serial(),
                      Date.from(now.minus(Duration.ofDays(1))),
                      Date.from(now.plus(Duration.ofDays(365))),
                      new X500Name("CN=localhost"),
                      serverKeys.getPublic())
                  .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                  .addExtension(
                      Extension.keyUsage,
                      true,
                      new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                  .addExtension(
                      Extension.extendedKeyUsage,
                      false,
                      new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                  .addExtension(
                      Extension.subjectAlternativeName,
                      false,
                      new GeneralNames(
                          new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(
                                GeneralName.iPAddress,
                                InetAddress.getLoopbackAddress().getHostAddress())
                          })),
              caKeys);
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      char[] none = TRUST_STORE_PASSWORD.toCharArray();
      keys.setKeyEntry("server", serverKeys.getPrivate(), none, new Certificate[] {server, ca});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, none);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, new SecureRandom());
      return new ServerTls(ca, context);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the simulator's TLS certificates: " + e, e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
  }

  /** A server-mode engine for one connection, limited to what TDS 7.4 negotiates. */
  SSLEngine newEngine() {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setEnabledProtocols(TDS7_PROTOCOLS);
    return engine;
  }

  public X509Certificate caCertificate() {
    return ca;
  }

  /**
   * Writes {@code dir/ca.pem}, {@code dir/truststore.p12} and its password file, creating {@code
   * dir} if needed.
   */
  public TrustFiles writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      Path pem = dir.resolve(CA_FILE);
      Files.writeString(
          pem,
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(ca.getEncoded())
              + "\n-----END CERTIFICATE-----\n",
          StandardCharsets.US_ASCII);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("rdswatch-simulator-ca", ca);
      Path store = dir.resolve(TRUST_STORE_FILE);
      try (OutputStream out = Files.newOutputStream(store)) {
        trust.store(out, TRUST_STORE_PASSWORD.toCharArray());
      }
      Path password = dir.resolve(PASSWORD_FILE);
      Files.writeString(password, TRUST_STORE_PASSWORD + "\n", StandardCharsets.US_ASCII);
      return new TrustFiles(pem, store, password);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the simulator's CA files to " + dir + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot write the simulator's trust store: " + e, e);
    }
  }

  /** Where {@link #writeTo} put the CA certificate and the PKCS12 trust store. */
  public record TrustFiles(Path caPem, Path trustStore, Path passwordFile) {}
}
