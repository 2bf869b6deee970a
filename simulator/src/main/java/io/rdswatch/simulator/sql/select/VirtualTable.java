package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.rds.Database;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A catalog view or table-valued function the simulator's SELECT can read. Register new ones in
 * {@link VirtualTables}.
 */
public interface VirtualTable {

  /**
   * Whether {@code name} (as written, resolved against the session's database) means this table.
   */
  boolean matches(ObjectName name, ExecContext ctx);

  /** Columns and rows as of now; {@code args} are a table-valued function's arguments. */
  ResultSetData read(ExecContext ctx, List<Object> args);

  /** True when {@code name} is msdb's {@code object}, written with or without the database. */
  static boolean isMsdb(ObjectName name, ExecContext ctx, String object) {
    String db = name.database().isEmpty() ? ctx.session().database() : name.database();
    return name.object().equalsIgnoreCase(object) && db.equalsIgnoreCase("msdb");
  }

  /** True when {@code name} is {@code [db.]sys.<object>}. */
  static boolean isSys(ObjectName name, String object) {
    return name.object().equalsIgnoreCase(object) && name.schema().equalsIgnoreCase("sys");
  }

  /**
   * Rows derived from each database of the instance, read under the instance lock so a view never
   * sees a half-applied task.
   */
  static ResultSetData perDatabase(
      ExecContext ctx, List<Column> columns, BiConsumer<Database, List<Object[]>> rowsOf) {
    return ctx.rds()
        .locked(
            () -> {
              List<Object[]> rows = new ArrayList<>();
              for (Database d : ctx.rds().catalog().all()) {
                rowsOf.accept(d, rows);
              }
              return new ResultSetData(columns, rows);
            });
  }

  /** Tables whose rows are only counted (the row-count model of user tables). */
  default Long countOnly(ExecContext ctx) {
    return null;
  }
}
