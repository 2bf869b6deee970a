package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.sql.lang.ExecContext;

/**
 * {@code msdb.dbo.rds_download_from_s3} and {@code msdb.dbo.rds_upload_to_s3}: queue a
 * DOWNLOAD_FROM_S3 / UPLOAD_TO_S3 task, which waits for one of the two task slots backups and
 * restores use. Returns the new task like the backup procedures do (the S3-integration procedures'
 * own result shape is not documented).
 */
final class RdsS3TransferProc extends BaseProcedure {
  private final boolean download;

  private RdsS3TransferProc(String name, boolean download) {
    super(
        name,
        "msdb",
        ProcParam.requiredText("@s3_arn_of_file"),
        ProcParam.requiredText("@rds_file_path"),
        ProcParam.integer("@overwrite_file"));
    this.download = download;
  }

  static RdsS3TransferProc download() {
    return new RdsS3TransferProc("rds_download_from_s3", true);
  }

  static RdsS3TransferProc upload() {
    return new RdsS3TransferProc("rds_upload_to_s3", false);
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    String arn = call.text("@s3_arn_of_file");
    String path = call.text("@rds_file_path");
    boolean overwrite = call.flag("@overwrite_file", false);
    TaskRow row =
        download
            ? ctx.rds().transfers().download(arn, path, overwrite)
            : ctx.rds().transfers().upload(path, arn, overwrite);
    return Reply.of(TaskResults.submitted(row, ctx.rds().settings().zone())).withReturnStatus(0);
  }
}
