package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.sql.lang.ExecContext;

/**
 * {@code msdb.dbo.rds_delete_from_filesystem @rds_file_path, [@force_delete]}: queues a
 * DELETE_FILES_ON_DISK task in the two task slots backups and restores use. A directory ends in a
 * backslash and needs {@code @force_delete=1}.
 */
final class RdsDeleteFromFilesystemProc extends BaseProcedure {

  RdsDeleteFromFilesystemProc() {
    super(
        "rds_delete_from_filesystem",
        "msdb",
        ProcParam.requiredText("@rds_file_path"),
        ProcParam.integer("@force_delete"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    TaskRow row =
        ctx.rds()
            .transfers()
            .delete(call.text("@rds_file_path"), call.flag("@force_delete", false));
    return Reply.of(TaskResults.submitted(row, ctx.rds().settings().zone())).withReturnStatus(0);
  }
}
