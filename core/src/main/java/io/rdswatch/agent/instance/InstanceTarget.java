package io.rdswatch.agent.instance;

import java.util.Map;

/**
 * One SQL Server endpoint to watch, whatever produced it (static config or AWS discovery).
 *
 * @param name the rds_instance label; unique across all sources
 * @param jdbcProperties extra mssql-jdbc connection properties (encrypt, trustServerCertificate...)
 * @param labels extra labels for rdswatch_instance_info (already sanitised to
 *     [a-zA-Z_][a-zA-Z0-9_]*)
 * @param backupWindow RDS automated backup window "HH:mm-HH:mm" (UTC), or null
 * @param origin where it came from, for logs and /api: "static" or "aws:<region>"
 * @param topology Multi-AZ and read replicas, for the drill preflight
 * @param drillLogin the login drills use, or null to use the monitoring login
 * @param timezone RDS's {@code Timezone} of the instance as discovery read it ("Tokyo Standard
 *     Time"), null when unknown; only a cross-check of the offset the server itself reports
 *     (README, "Time zones")
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
    String origin,
    Topology topology,
    DrillLogin drillLogin,
    String timezone) {

  public InstanceTarget {
    jdbcProperties = Map.copyOf(jdbcProperties);
    labels = Map.copyOf(labels);
    topology = topology == null ? Topology.SINGLE_AZ : topology;
  }

  /** An instance whose RDS time zone name is not known. */
  public InstanceTarget(
      String name,
      String host,
      int port,
      String username,
      PasswordSource password,
      Map<String, String> jdbcProperties,
      Map<String, String> labels,
      String backupWindow,
      String origin,
      Topology topology,
      DrillLogin drillLogin) {
    this(
        name,
        host,
        port,
        username,
        password,
        jdbcProperties,
        labels,
        backupWindow,
        origin,
        topology,
        drillLogin,
        null);
  }

  /** A single-AZ instance without a drill login of its own. */
  public InstanceTarget(
      String name,
      String host,
      int port,
      String username,
      PasswordSource password,
      Map<String, String> jdbcProperties,
      Map<String, String> labels,
      String backupWindow,
      String origin) {
    this(
        name,
        host,
        port,
        username,
        password,
        jdbcProperties,
        labels,
        backupWindow,
        origin,
        Topology.SINGLE_AZ,
        null);
  }

  /** The same endpoint under the drill login, when one is configured. */
  public InstanceTarget forDrill() {
    return drillLogin == null
        ? this
        : new InstanceTarget(
            name,
            host,
            port,
            drillLogin.username(),
            drillLogin.password(),
            jdbcProperties,
            labels,
            backupWindow,
            origin,
            topology,
            null,
            timezone);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "InstanceTarget["
        + name
        + " "
        + host
        + ":"
        + port
        + " user="
        + username
        + " from "
        + origin
        + "]";
  }
}
