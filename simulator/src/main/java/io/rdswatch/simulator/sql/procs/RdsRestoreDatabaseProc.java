package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.BackupKind;
import io.rdswatch.simulator.rds.RestoreRequest;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.sql.lang.ExecContext;

/**
 * {@code msdb.dbo.rds_restore_database}: queues a RESTORE_DB* task. @with_norecovery defaults to 0
 * for FULL and must be given for DIFFERENTIAL; @keep_cdc and the tuning parameters are accepted and
 * have no effect.
 */
final class RdsRestoreDatabaseProc extends BaseProcedure {

  RdsRestoreDatabaseProc() {
    super(
        "rds_restore_database",
        "msdb",
        ProcParam.requiredText("@restore_db_name"),
        ProcParam.requiredText("@s3_arn_to_restore_from"),
        ProcParam.text("@kms_master_key_arn"),
        ProcParam.integer("@with_norecovery"),
        ProcParam.text("@type"),
        ProcParam.integer("@keep_cdc"),
        ProcParam.integer("@block_size"),
        ProcParam.integer("@max_transfer_size"),
        ProcParam.integer("@buffer_count"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    BackupKind kind = RdsBackupDatabaseProc.kind(name(), call.text("@type"));
    if (kind == BackupKind.DIFFERENTIAL) {
      call.require("@with_norecovery");
    }
    RestoreRequest request =
        new RestoreRequest(
            call.text("@restore_db_name"),
            call.text("@s3_arn_to_restore_from"),
            call.text("@kms_master_key_arn"),
            kind,
            call.flag("@with_norecovery", false));
    TaskRow row = ctx.rds().procedures().restore(request);
    return Reply.of(TaskResults.submitted(row, ctx.rds().settings().zone())).withReturnStatus(0);
  }
}
