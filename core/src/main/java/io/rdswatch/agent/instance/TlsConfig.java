package io.rdswatch.agent.instance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How rdswatch checks the server's certificate (README "Connecting with TLS"): the trust store that
 * holds the RDS CA bundle, its password from a file or an environment variable (never written in
 * the config, never logged), and the name the certificate must carry when the host is a CNAME. Set
 * once at the top level for the whole fleet; an instance's or discovery's own {@code tls} replaces
 * it, and explicit jdbcProperties win over both.
 */
public final class TlsConfig {

  @JsonProperty private String trustStore;

  @JsonProperty private String trustStorePasswordFile;

  @JsonProperty private String trustStorePasswordEnv;

  @JsonProperty private String hostNameInCertificate;

  public TlsConfig() {}

  /** For configs built in code (the demo, tests). */
  public TlsConfig(String trustStore, String trustStorePasswordFile, String trustStorePasswordEnv) {
    this.trustStore = trustStore;
    this.trustStorePasswordFile = trustStorePasswordFile;
    this.trustStorePasswordEnv = trustStorePasswordEnv;
  }

  public String getTrustStore() {
    return trustStore;
  }

  public String getHostNameInCertificate() {
    return hostNameInCertificate;
  }

  /** Lists what is wrong under {@code path}; the password itself never appears in a message. */
  public void validate(String path, Function<String, String> env, List<String> errors) {
    if (trustStore == null || trustStore.isBlank()) {
      errors.add(
          path
              + ".trustStore: required when "
              + path
              + " is set (a PKCS12 file with the RDS CA bundle)");
    } else if (!Files.isReadable(Path.of(trustStore))) {
      errors.add(path + ".trustStore: '" + trustStore + "' is not a readable file");
    }
    if (trustStorePasswordFile != null && trustStorePasswordEnv != null) {
      errors.add(path + ": set trustStorePasswordFile or trustStorePasswordEnv, not both");
    } else if (trustStorePasswordFile != null
        && !Files.isReadable(Path.of(trustStorePasswordFile))) {
      errors.add(
          path
              + ".trustStorePasswordFile: '"
              + trustStorePasswordFile
              + "' is not a readable file");
    } else if (trustStorePasswordEnv != null && env.apply(trustStorePasswordEnv) == null) {
      errors.add(
          path
              + ".trustStorePasswordEnv: environment variable "
              + trustStorePasswordEnv
              + " is not set");
    }
    if (hostNameInCertificate != null && hostNameInCertificate.isBlank()) {
      errors.add(
          path
              + ".hostNameInCertificate: must not be blank (the RDS endpoint name the certificate carries)");
    }
  }

  /** The mssql-jdbc properties this stands for, with the password read now. */
  Map<String, String> jdbcProperties(Function<String, String> env) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("encrypt", "true");
    p.put("trustServerCertificate", "false");
    p.put("trustStore", trustStore);
    String lower = trustStore.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".p12") || lower.endsWith(".pfx")) {
      p.put("trustStoreType", "PKCS12");
    }
    String password = password(env);
    if (password != null) {
      p.put("trustStorePassword", password);
    }
    if (hostNameInCertificate != null) {
      p.put("hostNameInCertificate", hostNameInCertificate);
    }
    return p;
  }

  private String password(Function<String, String> env) {
    if (trustStorePasswordEnv != null) {
      return env.apply(trustStorePasswordEnv);
    }
    if (trustStorePasswordFile == null) {
      return null;
    }
    try {
      return Files.readString(Path.of(trustStorePasswordFile), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read trustStorePasswordFile '" + trustStorePasswordFile + "'", e);
    }
  }

  /** {@code tls} settings first, then explicit jdbcProperties over them. */
  public static Map<String, String> merged(
      TlsConfig tls, Map<String, String> jdbc, Function<String, String> env) {
    Map<String, String> p = tls == null ? new LinkedHashMap<>() : tls.jdbcProperties(env);
    p.putAll(jdbc);
    return p;
  }

  @Override
  public String toString() {
    return "TlsConfig[trustStore="
        + trustStore
        + ", hostNameInCertificate="
        + hostNameInCertificate
        + "]";
  }
}
