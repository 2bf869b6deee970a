package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import io.rdswatch.simulator.sql.lang.TokenCursor;
import java.util.List;

/**
 * Binds an EXEC's arguments to a procedure's parameters as SQL Server does: positional ones by
 * declaration order, then named ones by name (case-insensitive); DEFAULT leaves a parameter unset.
 */
public final class ArgumentBinder {

  /** One argument as written: {@code name} is null for a positional one. */
  public record Argument(String name, Object value) {}

  private ArgumentBinder() {}

  public static ProcCall bind(Procedure proc, List<Argument> args) {
    ProcCall call = new ProcCall(proc.name());
    List<ProcParam> params = proc.params();
    boolean named = false;
    for (int i = 0; i < args.size(); i++) {
      Argument a = args.get(i);
      ProcParam param;
      if (a.name() == null) {
        if (named) {
          throw new SqlFailure(SqlErrors.mustPassNamed(i + 1, proc.name()));
        }
        if (i >= params.size()) {
          throw new SqlFailure(SqlErrors.tooManyArguments(proc.name()));
        }
        param = params.get(i);
      } else {
        named = true;
        param =
            params.stream()
                .filter(p -> p.name().equalsIgnoreCase(a.name()))
                .findFirst()
                .orElse(null);
        if (param == null) {
          throw new SqlFailure(SqlErrors.notAParameter(a.name(), proc.name()));
        }
      }
      if (a.value() != TokenCursor.DEFAULT) {
        call.put(param.name(), a.value());
      }
    }
    for (ProcParam p : params) {
      if (p.required() && !call.has(p.name())) {
        call.require(p.name());
      }
    }
    return call;
  }
}
