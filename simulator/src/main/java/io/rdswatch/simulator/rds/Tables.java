package io.rdswatch.simulator.rds;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Immutable table name → row count of one database, looked up case-insensitively. */
public final class Tables {
  private static final Tables EMPTY = new Tables(Map.of());
  private final Map<String, Long> rows;

  private Tables(Map<String, Long> rows) {
    TreeMap<String, Long> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    rows.forEach(
        (name, count) -> {
          if (count == null || count < 0) {
            throw new IllegalArgumentException(
                "table " + name + ": row count must be >= 0, got " + count);
          }
          copy.put(name, count);
        });
    this.rows = Collections.unmodifiableMap(copy);
  }

  public static Tables of(Map<String, Long> rows) {
    return rows == null || rows.isEmpty() ? EMPTY : new Tables(rows);
  }

  public static Tables empty() {
    return EMPTY;
  }

  /** Row count, or null when the table does not exist. */
  public Long rowCount(String table) {
    return rows.get(table);
  }

  public Map<String, Long> asMap() {
    return rows;
  }
}
