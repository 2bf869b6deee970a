package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.BackupKind;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.rds.SubmitErrors;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.sql.lang.ExecContext;

/**
 * {@code msdb.dbo.rds_backup_database}: queues a BACKUP_DB or BACKUP_DB_DIFFERENTIAL task. The
 * tuning parameters (@block_size, @max_transfer_size, @buffer_count,
 *
 * @enable_bucket_default_encryption) are accepted and have no effect.
 */
final class RdsBackupDatabaseProc extends BaseProcedure {

  RdsBackupDatabaseProc() {
    super(
        "rds_backup_database",
        "msdb",
        ProcParam.requiredText("@source_db_name"),
        ProcParam.requiredText("@s3_arn_to_backup_to"),
        ProcParam.text("@kms_master_key_arn"),
        ProcParam.integer("@overwrite_s3_backup_file"),
        ProcParam.text("@type"),
        ProcParam.integer("@number_of_files"),
        ProcParam.integer("@block_size"),
        ProcParam.integer("@max_transfer_size"),
        ProcParam.integer("@buffer_count"),
        ProcParam.integer("@enable_bucket_default_encryption"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    BackupKind kind = kind(name(), call.text("@type"));
    Integer files = call.integer("@number_of_files");
    BackupRequest request =
        new BackupRequest(
            call.text("@source_db_name"),
            call.text("@s3_arn_to_backup_to"),
            call.text("@kms_master_key_arn"),
            call.flag("@overwrite_s3_backup_file", false),
            kind,
            files == null ? 1 : files);
    TaskRow row = ctx.rds().procedures().backup(request);
    return Reply.of(TaskResults.submitted(row, ctx.rds().settings().zone())).withReturnStatus(0);
  }

  static BackupKind kind(String proc, String type) {
    try {
      return BackupKind.parse(type);
    } catch (IllegalArgumentException e) {
      throw SubmitErrors.badType(proc, type);
    }
  }
}
