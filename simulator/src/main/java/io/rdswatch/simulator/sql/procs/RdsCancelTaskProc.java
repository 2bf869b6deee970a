package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.sql.lang.ExecContext;

/** {@code msdb.dbo.rds_cancel_task @task_id}: CANCEL_REQUESTED now, CANCELLED shortly after. */
final class RdsCancelTaskProc extends BaseProcedure {

  RdsCancelTaskProc() {
    super("rds_cancel_task", "msdb", ProcParam.requiredInteger("@task_id"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    TaskRow row = ctx.rds().procedures().cancel(call.integer("@task_id"));
    return Reply.of(TaskResults.submitted(row, ctx.rds().settings().zone())).withReturnStatus(0);
  }
}
