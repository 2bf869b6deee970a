package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.rds.Login;
import io.rdswatch.simulator.rds.SubmitErrors;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code msdb.dbo.rds_fn_list_file_details(task_id)}: the files and directories in D:\S3\ that a
 * finished rds_gather_file_details task found (the S3-integration page's columns). A login other
 * than the master user needs SELECT on it, as on any msdb function.
 */
final class FileDetailsFunction implements VirtualTable {
  private static final String NAME = "rds_fn_list_file_details";
  private static final List<Column> COLUMNS =
      List.of(
          Column.of("filepath", SqlType.NVARCHAR),
          Column.of("size_in_bytes", SqlType.BIGINT),
          Column.of("last_modified_utc", SqlType.DATETIME),
          Column.of("is_directory", SqlType.BIT));

  @Override
  public boolean matches(ObjectName name, ExecContext ctx) {
    return VirtualTable.isMsdb(name, ctx, NAME);
  }

  @Override
  public ResultSetData read(ExecContext ctx, List<Object> args) {
    Login login = ctx.login();
    if (login == null || !login.maySelect(NAME)) {
      throw SubmitErrors.selectDenied(NAME);
    }
    Object id = args.isEmpty() ? null : args.get(0);
    List<Object[]> rows =
        id == null ? List.of() : ctx.rds().fileDetails(Values.number(id).intValue());
    return new ResultSetData(COLUMNS, new ArrayList<>(rows));
  }
}
