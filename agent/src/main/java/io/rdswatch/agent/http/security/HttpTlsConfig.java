package io.rdswatch.agent.http.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * `http.tls`: serve both ports over HTTPS from a PEM certificate chain and a PEM (PKCS#8) key, as
 * Prometheus's exporter-toolkit web-config does. The files are checked for changes every {@code
 * reloadInterval}, so a renewed certificate is picked up without a restart.
 */
public final class HttpTlsConfig {

  @JsonProperty private String certFile;

  @JsonProperty private String keyFile;

  @JsonProperty private Duration reloadInterval = Duration.minutes(1);

  public HttpTlsConfig() {}

  public HttpTlsConfig(String certFile, String keyFile, Duration reloadInterval) {
    this.certFile = certFile;
    this.keyFile = keyFile;
    this.reloadInterval = reloadInterval;
  }

  private static boolean readable(String path, String file, List<String> errors) {
    if (file == null || file.isBlank()) {
      return false;
    }
    if (!Files.isRegularFile(Path.of(file)) || !Files.isReadable(Path.of(file))) {
      errors.add(path + ": cannot read '" + file + "'");
      return false;
    }
    return true;
  }

  public Path certFile() {
    return Path.of(certFile);
  }

  public Path keyFile() {
    return Path.of(keyFile);
  }

  public java.time.Duration reloadInterval() {
    return reloadInterval.toJavaDuration();
  }

  public void validate(String path, List<String> errors) {
    if (certFile == null || certFile.isBlank()) {
      errors.add(path + ".certFile: required with http.tls");
    }
    if (keyFile == null || keyFile.isBlank()) {
      errors.add(path + ".keyFile: required with http.tls");
    }
    if (reloadInterval == null || reloadInterval.toSeconds() < 1) {
      errors.add(path + ".reloadInterval: must be at least 1s");
    }
    boolean readable =
        readable(path + ".certFile", certFile, errors)
            & readable(path + ".keyFile", keyFile, errors);
    if (readable) {
      try {
        PemKeyStore.load(certFile(), keyFile());
      } catch (IllegalArgumentException e) {
        String m = e.getMessage();
        errors.add(path + (m.startsWith("certFile:") || m.startsWith("keyFile:") ? "." : ": ") + m);
      }
    }
  }
}
