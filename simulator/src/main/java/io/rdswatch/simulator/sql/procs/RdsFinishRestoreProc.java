package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.sql.lang.ExecContext;

/** {@code msdb.dbo.rds_finish_restore @db_name}: a FINISH_RESTORE task brings it ONLINE. */
final class RdsFinishRestoreProc extends BaseProcedure {

  RdsFinishRestoreProc() {
    super("rds_finish_restore", "msdb", ProcParam.requiredText("@db_name"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    TaskRow row = ctx.rds().procedures().finishRestore(call.text("@db_name"));
    return Reply.of(TaskResults.submitted(row, ctx.rds().settings().zone())).withReturnStatus(0);
  }
}
