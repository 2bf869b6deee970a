package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.sql.lang.ExecContext;

/**
 * {@code msdb.dbo.rds_gather_file_details}: no parameters; queues a LIST_FILES_ON_DISK task, which
 * waits for one of the two task slots backups and restores use, and returns its id like the other
 * task procedures.
 */
final class RdsFileDetailsProc extends BaseProcedure {

  RdsFileDetailsProc() {
    super("rds_gather_file_details", "msdb");
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    TaskRow row = ctx.rds().transfers().listFiles();
    return Reply.of(TaskResults.submitted(row, ctx.rds().settings().zone())).withReturnStatus(0);
  }
}
