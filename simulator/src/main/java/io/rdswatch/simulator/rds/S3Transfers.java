package io.rdswatch.simulator.rds;

import java.util.Locale;

/**
 * S3 integration: {@code rds_download_from_s3} and {@code rds_upload_to_s3} queue
 * DOWNLOAD_FROM_S3 / UPLOAD_TO_S3 tasks in the same task table, and the same two slots, as native
 * backups and restores. Files live under {@code D:\S3\}. The copy takes as long as
 * moving the object (download) or a 1 GB file (upload) at the instance's throughput; an upload
 * into an existing bucket leaves the object there (not a native backup).
 */
public final class S3Transfers {
  private static final long UPLOAD_MB = 1024;
  private final RdsInstance rds;

  S3Transfers(RdsInstance rds) {
    this.rds = rds;
  }

  public TaskRow download(String s3Arn, String filePath, boolean overwrite) {
    return queue("rds_download_from_s3", TaskType.DOWNLOAD_FROM_S3, s3Arn, filePath, overwrite);
  }

  public TaskRow upload(String filePath, String s3Arn, boolean overwrite) {
    return queue("rds_upload_to_s3", TaskType.UPLOAD_TO_S3, s3Arn, filePath, overwrite);
  }

  private TaskRow queue(String proc, TaskType type, String s3Arn, String filePath, boolean overwrite) {
    synchronized (rds) {
      rds.advance();
      S3Location at = s3Arn == null ? null : S3Location.parse(s3Arn.strip());
      if (at == null || at.key().isEmpty()) {
        throw SubmitErrors.badS3Transfer(proc, "@s3_arn_of_file must be an S3 object ARN, got '" + s3Arn + "'.");
      }
      if (filePath == null || !filePath.strip().toUpperCase(Locale.ROOT).startsWith("D:\\S3\\")) {
        throw SubmitErrors.badS3Transfer(proc, "@rds_file_path must be a file under D:\\S3\\, got '" + filePath + "'.");
      }
      Task t = rds.procedures().newTask(type, null, s3Arn.strip(), overwrite, null, 1, null, 0);
      t.filePath = filePath.strip();
      t.dataMb = type == TaskType.DOWNLOAD_FROM_S3 ? objectMb(at) : UPLOAD_MB;
      return TaskRow.of(t, rds.cursor, rds.settings().zone());
    }
  }

  private long objectMb(S3Location at) {
    S3Bucket bucket = rds.s3.bucket(at.bucket());
    S3Object o = bucket == null ? null : bucket.get(at.key());
    return o == null ? 1 : Math.max(1, o.sizeMb());
  }
}
