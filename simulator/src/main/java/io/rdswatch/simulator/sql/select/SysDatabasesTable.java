package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.rds.DbState;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import java.util.List;

/** {@code sys.databases}: the instance's databases, system ones included. */
final class SysDatabasesTable implements VirtualTable {
  private static final List<Column> COLUMNS =
      List.of(
          Column.of("name", SqlType.NVARCHAR),
          Column.of("database_id", SqlType.INT),
          Column.of("create_date", SqlType.DATETIME),
          Column.of("compatibility_level", SqlType.INT),
          Column.of("collation_name", SqlType.NVARCHAR),
          Column.of("user_access_desc", SqlType.NVARCHAR),
          Column.of("is_read_only", SqlType.BIT),
          Column.of("state", SqlType.INT),
          Column.of("state_desc", SqlType.NVARCHAR),
          Column.of("recovery_model", SqlType.INT),
          Column.of("recovery_model_desc", SqlType.NVARCHAR),
          Column.of("is_encrypted", SqlType.BIT));

  @Override
  public boolean matches(ObjectName name, ExecContext ctx) {
    return VirtualTable.isSys(name, "databases");
  }

  @Override
  public ResultSetData read(ExecContext ctx, List<Object> args) {
    return VirtualTable.perDatabase(
        ctx,
        COLUMNS,
        (d, rows) -> {
          boolean restoring = d.state() == DbState.RESTORING;
          rows.add(
              new Object[] {
                d.name(),
                d.id(),
                ctx.rds().settings().zone().local(d.createDate()),
                160,
                "SQL_Latin1_General_CP1_CI_AS",
                "MULTI_USER",
                false,
                restoring ? 1 : 0,
                d.state().name(),
                d.recoveryModel().ordinal() + 1,
                d.recoveryModel().name(),
                d.tde()
              });
        });
  }
}
