package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.sql.lang.ExecContext;
import java.util.List;

/** {@code msdb.dbo.rds_task_status [@db_name], [@task_id]}: the task table, by task_id. */
final class RdsTaskStatusProc extends BaseProcedure {

  RdsTaskStatusProc() {
    super("rds_task_status", "msdb", ProcParam.text("@db_name"), ProcParam.integer("@task_id"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    Integer taskId = call.integer("@task_id");
    String db = call.text("@db_name");
    List<TaskRow> rows =
        ctx.rds()
            .taskRows(
                db == null || db.isEmpty() ? null : db,
                taskId == null || taskId == 0 ? null : taskId);
    return Reply.of(
            TaskResults.status(rows, ctx.faults().statusColumns(), ctx.rds().settings().zone()))
        .withReturnStatus(0);
  }
}
