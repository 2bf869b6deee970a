package io.rdswatch.exporter.model;

import java.util.Locale;

/** Why a poll of one instance failed; the `kind` label of rdswatch_poll_errors_total. */
public enum PollErrorKind {
  CONNECT,
  LOGIN,
  TIMEOUT,
  QUERY,
  PARSE,
  /**
   * SQL Server error 229: the login may no longer run the task query. RDS does not carry msdb
   * grants to the new primary of a Multi-AZ failover (README, "SQL permissions for the monitoring
   * login").
   */
  PERMISSION;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
