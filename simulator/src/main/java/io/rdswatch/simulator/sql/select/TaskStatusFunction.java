package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.rds.Login;
import io.rdswatch.simulator.rds.SubmitErrors;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import io.rdswatch.simulator.sql.procs.TaskResults;
import java.util.List;

/**
 * {@code msdb.dbo.rds_fn_task_status(@db_name or NULL, @task_id or 0)}: the task table as a
 * table-valued function, so callers can filter ({@code WHERE created_at >= ?}) and order. Same
 * columns and column faults as rds_task_status; the "function missing" fault hides it (error 208),
 * and a login without SELECT on it gets error 229 as for a procedure it may not run.
 */
final class TaskStatusFunction implements VirtualTable {

  @Override
  public boolean matches(ObjectName name, ExecContext ctx) {
    return !ctx.faults().taskStatusFunctionMissing()
        && VirtualTable.isMsdb(name, ctx, "rds_fn_task_status");
  }

  /** Columns as this call shows them, with the instance's column fault applied. */
  @Override
  public ResultSetData read(ExecContext ctx, List<Object> args) {
    Login login = ctx.login();
    if (login == null || !login.maySelect("rds_fn_task_status")) {
      throw SubmitErrors.selectDenied("rds_fn_task_status");
    }
    String db = args.isEmpty() || args.get(0) == null ? null : args.get(0).toString();
    Integer id =
        args.size() < 2 || args.get(1) == null ? null : Values.number(args.get(1)).intValue();
    List<TaskRow> rows = ctx.rds().taskRows(db, id == null || id == 0 ? null : id);
    return TaskResults.status(rows, ctx.faults().statusColumns(), ctx.rds().settings().zone());
  }
}
