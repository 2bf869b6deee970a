package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.rds.Database;
import io.rdswatch.simulator.rds.DbState;
import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import java.util.List;

/**
 * A table of a user database, modelled only by its row count: {@code SELECT COUNT_BIG(*) FROM
 * dbo.Orders} (after {@code USE [db]}) or {@code FROM [db].dbo.Orders} answers it; anything that
 * needs the rows themselves is not supported.
 */
final class UserTable implements VirtualTable {
  private final long rows;

  private UserTable(long rows) {
    this.rows = rows;
  }

  /** The table {@code name} names, or error 208 (or 927 for a database being restored). */
  static UserTable resolve(ObjectName name, ExecContext ctx) {
    String dbName = name.database().isEmpty() ? ctx.session().database() : name.database();
    String schema = name.schema();
    Long count =
        ctx.rds()
            .locked(
                () -> {
                  Database db = ctx.rds().catalog().get(dbName);
                  if (db != null && db.state() == DbState.RESTORING) {
                    throw new SqlFailure(SqlErrors.databaseRestoring(db.name()));
                  }
                  boolean dbo = schema.isEmpty() || schema.equalsIgnoreCase("dbo");
                  return db == null || !dbo ? null : db.tables().rowCount(name.object());
                });
    if (count == null) {
      throw new SqlFailure(SqlErrors.invalidObject(name.toString()));
    }
    return new UserTable(count);
  }

  @Override
  public boolean matches(ObjectName name, ExecContext ctx) {
    return false;
  }

  /** The rows themselves are not modelled; only COUNT(*) reads a user table. */
  @Override
  public ResultSetData read(ExecContext ctx, List<Object> args) {
    return new ResultSetData(List.of(), List.of());
  }

  @Override
  public Long countOnly(ExecContext ctx) {
    return rows;
  }
}
