package io.rdswatch.agent.drill.sql;

import java.time.Instant;

/** One row of sys.databases. */
public record DbRow(String name, int databaseId, String state, Instant createDate) {

  /** master, tempdb, model, msdb (ids 1-4) and rdsadmin do not count against RDS's limit. */
  public boolean isUser() {
    return databaseId > 4 && !"rdsadmin".equalsIgnoreCase(name);
  }
}
