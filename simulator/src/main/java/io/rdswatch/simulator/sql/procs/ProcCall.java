package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The arguments of one procedure call, bound to parameter names (case-insensitive, with '@'). */
public final class ProcCall {
  private final String procedure;
  private final Map<String, Object> args = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  ProcCall(String procedure) {
    this.procedure = procedure;
  }

  void put(String param, Object value) {
    args.put(param, value);
  }

  public boolean has(String param) {
    return args.containsKey(param) && args.get(param) != null;
  }

  /** The argument as text; null when not given or NULL. */
  public String text(String param) {
    Object v = args.get(param);
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return v.toString();
  }

  /** The argument as an int; null when not given or NULL; error 245 when it is not a number. */
  public Integer integer(String param) {
    Object v = args.get(param);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    try {
      return Integer.parseInt(v.toString().strip());
    } catch (NumberFormatException e) {
      throw new SqlFailure(SqlErrors.conversion(v, "int"));
    }
  }

  /** A 0/1 flag; {@code otherwise} when not given. */
  public boolean flag(String param, boolean otherwise) {
    Integer v = has(param) ? integer(param) : null;
    return v == null ? otherwise : v != 0;
  }

  /** Fails with error 201 when a required argument is missing. */
  public void require(String param) {
    if (!args.containsKey(param)) {
      throw new SqlFailure(SqlErrors.missingParameter(procedure, param));
    }
  }

  @Override
  public String toString() {
    return procedure + args.keySet().toString().toLowerCase(Locale.ROOT);
  }
}
