package io.rdswatch.simulator.sql.lang;

import io.rdswatch.simulator.rds.SqlFailure;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values bound to {@code @P0}, {@code @db_name}..., and variables DECLAREd in the batch; names
 * compare case-insensitively.
 */
public final class Bindings {
  private final Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  public Bindings(Map<String, Object> params) {
    params.forEach((k, v) -> values.put(k.startsWith("@") ? k : "@" + k, v));
  }

  public static Bindings none() {
    return new Bindings(Map.of());
  }

  /** DECLARE @name: a batch variable, NULL until set. */
  public void declare(String name) {
    values.putIfAbsent(name, null);
  }

  /** SET @name = value or EXEC @name = proc: error 137 unless it was bound or declared. */
  public void assign(String name, Object value) {
    value(name);
    values.put(name, value);
  }

  /** The bound value; an unbound variable is SQL Server's error 137. */
  public Object value(String name) {
    if (!values.containsKey(name)) {
      throw new SqlFailure(SqlErrors.mustDeclare(name));
    }
    return values.get(name);
  }
}
