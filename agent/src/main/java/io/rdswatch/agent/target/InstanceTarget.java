package io.rdswatch.agent.target;

import java.util.Map;

/**
 * One SQL Server endpoint to watch, whatever produced it (static config or AWS discovery).
 *
 * @param name the rds_instance label; unique across all sources
 * @param jdbcProperties extra mssql-jdbc connection properties (encrypt, trustServerCertificate...)
 * @param labels extra labels for rdswatch_instance_info (already sanitised to [a-zA-Z_][a-zA-Z0-9_]*)
 * @param backupWindow RDS automated backup window "HH:mm-HH:mm" (UTC), or null
 * @param origin where it came from, for logs and /api: "static" or "aws:<region>"
 */
public record InstanceTarget(
    String name,
    String host,
    int port,
    String username,
    PasswordSource password,
    Map<String, String> jdbcProperties,
    Map<String, String> labels,
    String backupWindow,
    String origin) {

  public InstanceTarget {
    jdbcProperties = Map.copyOf(jdbcProperties);
    labels = Map.copyOf(labels);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "InstanceTarget[" + name + " " + host + ":" + port + " user=" + username + " from " + origin + "]";
  }
}
