package io.rdswatch.agent.instance;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.validator.constraints.Range;

/**
 * One entry of `instances`. Cross-field rules (exactly one password source, label names, the backup
 * window, unique names) live in the agent's config validator; the form of a secret ARN is the AWS
 * feature's rule (README "Architecture").
 */
public final class InstanceConfig {

  @JsonProperty @NotBlank private String name;

  @JsonProperty @NotBlank private String host;

  @JsonProperty
  @Range(min = 1, max = 65535)
  private int port = 1433;

  @JsonProperty @NotBlank private String username;

  @JsonProperty private String password;

  @JsonProperty private String passwordFile;

  /** A Secrets Manager secret in RDS's JSON shape; its password is used. */
  @JsonProperty private String passwordSecretArn;

  @JsonProperty private Map<String, String> jdbcProperties = new LinkedHashMap<>();

  @JsonProperty private Map<String, String> labels = new LinkedHashMap<>();

  /** Overrides the top-level {@code tls} for this instance. */
  @JsonProperty private TlsConfig tls;

  /** RDS's automated backup window, "HH:mm-HH:mm" in UTC. */
  @JsonProperty private String backupWindow;

  /**
   * A separate login for drills (README, "Logins and least privileges"); null: the monitoring
   * login.
   */
  @JsonProperty private String drillUsername;

  @JsonProperty private String drillPassword;

  @JsonProperty private String drillPasswordFile;

  @JsonProperty private String drillPasswordSecretArn;

  /**
   * Topology facts discovery would read from DescribeDBInstances; unstated: single-AZ, no replicas.
   */
  @JsonProperty private boolean multiAz;

  /** The source instance identifier when this instance is a read replica. */
  @JsonProperty private String readReplicaOf;

  @JsonProperty private boolean crossRegionReplicas;

  public InstanceConfig() {}

  /** For configs built in code (the demo, tests). */
  public InstanceConfig(
      String name,
      String host,
      int port,
      String username,
      String password,
      Map<String, String> jdbcProperties) {
    this.name = name;
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
    this.jdbcProperties = new LinkedHashMap<>(jdbcProperties);
  }

  public String getName() {
    return name;
  }

  public String getHost() {
    return host;
  }

  public int getPort() {
    return port;
  }

  public String getUsername() {
    return username;
  }

  public String getPassword() {
    return password;
  }

  public String getPasswordFile() {
    return passwordFile;
  }

  public String getPasswordSecretArn() {
    return passwordSecretArn;
  }

  public Map<String, String> getJdbcProperties() {
    return jdbcProperties == null ? Map.of() : jdbcProperties;
  }

  public Map<String, String> getLabels() {
    return labels == null ? Map.of() : labels;
  }

  public TlsConfig getTls() {
    return tls;
  }

  /**
   * Replaces jdbcProperties with the effective ones once the config is valid: this instance's own
   * {@code tls}, else the fleet-wide one, then its explicit jdbcProperties (see {@link TlsConfig}).
   */
  public void applyTls(TlsConfig fleet, Function<String, String> env) {
    this.jdbcProperties =
        new LinkedHashMap<>(TlsConfig.merged(tls != null ? tls : fleet, getJdbcProperties(), env));
  }

  public String getBackupWindow() {
    return backupWindow;
  }

  public String getDrillUsername() {
    return drillUsername;
  }

  public String getDrillPassword() {
    return drillPassword;
  }

  public String getDrillPasswordFile() {
    return drillPasswordFile;
  }

  public String getDrillPasswordSecretArn() {
    return drillPasswordSecretArn;
  }

  public boolean isMultiAz() {
    return multiAz;
  }

  public String getReadReplicaOf() {
    return readReplicaOf;
  }

  public boolean hasCrossRegionReplicas() {
    return crossRegionReplicas;
  }

  public InstanceConfig withLabels(Map<String, String> labels) {
    this.labels = new LinkedHashMap<>(labels);
    return this;
  }

  public InstanceConfig withBackupWindow(String backupWindow) {
    this.backupWindow = backupWindow;
    return this;
  }

  @Override
  public String toString() {
    return "InstanceConfig[" + name + " " + host + ":" + port + "]";
  }
}
