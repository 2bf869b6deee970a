package io.rdswatch.agent.http.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Certificates made by the real openssl, and HTTPS clients that trust exactly one of them. */
final class Pem {

  private Pem() {}

  /**
   * Writes a fresh self-signed pair for 127.0.0.1, then moves it over {@code cert} and {@code key}.
   */
  static void selfSigned(Path dir, String keyType, String cn, Path cert, Path key)
      throws Exception {
    Path newCert = dir.resolve(cn + ".crt.tmp");
    Path newKey = dir.resolve(cn + ".key.tmp");
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                "openssl",
                "req",
                "-x509",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=" + cn,
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout",
                newKey.toString(),
                "-out",
                newCert.toString()));
    if (keyType.equals("ec")) {
      cmd.addAll(List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"));
    } else {
      cmd.addAll(List.of("-newkey", keyType));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl failed: " + out);
    }
    Files.move(newKey, key, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.move(newCert, cert, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static HttpClient trusting(Path cert) {
    return HttpClient.newBuilder()
        .sslContext(PemKeyStore.trusting(cert))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  static HttpResponse<String> get(HttpClient client, URI uri, String authorization)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The subject of the certificate the agent serves now; "" when the handshake fails (old key, new
   * trust).
   */
  static String subjectServedAt(HttpClient client, URI base) {
    try {
      HttpResponse<String> r = get(client, base.resolve("/ping-tls"), null);
      return r.sslSession()
          .map(
              s -> {
                try {
                  return ((X509Certificate) s.getPeerCertificates()[0])
                      .getSubjectX500Principal()
                      .getName();
                } catch (Exception e) {
                  return "";
                }
              })
          .orElse("");
    } catch (Exception e) {
      return "";
    }
  }
}
