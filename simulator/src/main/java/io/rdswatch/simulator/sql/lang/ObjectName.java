package io.rdswatch.simulator.sql.lang;

import java.util.List;
import java.util.Locale;

/**
 * A multi-part name such as {@code msdb.dbo.rds_task_status}, {@code msdb..x} or {@code
 * [db].[dbo].[T]}. Empty parts (from {@code ..}) are kept as "".
 */
public record ObjectName(List<String> parts) {

  public ObjectName {
    parts = List.copyOf(parts);
  }

  public String object() {
    return parts.get(parts.size() - 1);
  }

  public String schema() {
    return parts.size() >= 2 ? parts.get(parts.size() - 2) : "";
  }

  public String database() {
    return parts.size() >= 3 ? parts.get(parts.size() - 3) : "";
  }

  /** The object's name in lower case, for lookups. */
  public String key() {
    return object().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return String.join(".", parts);
  }
}
