package io.rdswatch.simulator.rds;

import java.util.Locale;

/**
 * S3 integration: {@code rds_download_from_s3}, {@code rds_upload_to_s3}, {@code
 * rds_gather_file_details} and {@code rds_delete_from_filesystem} queue DOWNLOAD_FROM_S3,
 * UPLOAD_TO_S3, LIST_FILES_ON_DISK and DELETE_FILES_ON_DISK tasks in the same task table, and the
 * same two slots, as native backups and restores (docs/rds-facts.md, "Limits and windows"). Files
 * live under {@code D:\S3\}. A copy takes as long as moving the object (download) or a 1 GB file
 * (upload) at the instance's throughput, a listing or a delete as long as a 1 MB file; an upload
 * into an existing bucket leaves the object there (not a native backup).
 */
public final class S3Transfers {
  private static final long UPLOAD_MB = 1024;
  private static final long HOUSEKEEPING_MB = 1;
  private static final String ROOT = "D:\\S3\\";
  private final RdsInstance rds;

  S3Transfers(RdsInstance rds) {
    this.rds = rds;
  }

  public TaskRow download(String s3Arn, String filePath, boolean overwrite) {
    synchronized (rds) {
      rds.advance();
      return row(
          copy("rds_download_from_s3", TaskType.DOWNLOAD_FROM_S3, s3Arn, filePath, overwrite));
    }
  }

  public TaskRow upload(String filePath, String s3Arn, boolean overwrite) {
    synchronized (rds) {
      rds.advance();
      return row(copy("rds_upload_to_s3", TaskType.UPLOAD_TO_S3, s3Arn, filePath, overwrite));
    }
  }

  /** LIST_FILES_ON_DISK: gathers the details of the files in D:\S3\. */
  public TaskRow listFiles() {
    synchronized (rds) {
      rds.advance();
      return row(queued(TaskType.LIST_FILES_ON_DISK, null, false, null, HOUSEKEEPING_MB));
    }
  }

  /** DELETE_FILES_ON_DISK of a file, or of a directory (trailing backslash) with {@code force}. */
  public TaskRow delete(String filePath, boolean force) {
    synchronized (rds) {
      rds.advance();
      return row(deletion(filePath, force));
    }
  }

  /**
   * One run of a scenario's S3 job, from the engine's schedule (under the instance lock, already
   * advanced). A job whose exec would fail leaves no task row, as a failed exec does.
   */
  void scheduled(S3Job job) {
    try {
      switch (job.type()) {
        case DOWNLOAD_FROM_S3 ->
            copy("rds_download_from_s3", job.type(), job.arn(), job.path(), true);
        case UPLOAD_TO_S3 -> copy("rds_upload_to_s3", job.type(), job.arn(), job.path(), true);
        case LIST_FILES_ON_DISK -> queued(job.type(), null, false, null, HOUSEKEEPING_MB);
        case DELETE_FILES_ON_DISK -> deletion(job.path(), true);
        default -> throw new IllegalStateException("not an S3-integration task: " + job.type());
      }
    } catch (SqlFailure e) {
      // as a SQL Agent job whose exec fails: nothing queued
    }
  }

  /**
   * A relative path is taken under D:\S3\ ("absolute and relative paths are supported"). A
   * directory is named with a trailing backslash and needs {@code @force_delete=1}; whether RDS
   * refuses one without it at the exec or in the task is not documented, the simulator refuses it
   * at the exec.
   */
  private Task deletion(String filePath, boolean force) {
    String proc = "rds_delete_from_filesystem";
    String path = filePath == null ? "" : filePath.strip();
    if (path.isEmpty()) {
      throw SubmitErrors.badS3Transfer(
          proc, "@rds_file_path must name a file or directory under D:\\S3\\.");
    }
    if (!path.toUpperCase(Locale.ROOT).startsWith("D:\\")) {
      path = ROOT + path;
    }
    if (!path.toUpperCase(Locale.ROOT).startsWith(ROOT)) {
      throw SubmitErrors.badS3Transfer(
          proc, "@rds_file_path must be under D:\\S3\\, got '" + filePath + "'.");
    }
    if (path.endsWith("\\") && !force) {
      throw SubmitErrors.badS3Transfer(
          proc,
          "To delete a directory, @rds_file_path must end with a backslash"
              + " and @force_delete must be set to 1.");
    }
    return queued(TaskType.DELETE_FILES_ON_DISK, null, false, path, HOUSEKEEPING_MB);
  }

  private Task copy(String proc, TaskType type, String s3Arn, String filePath, boolean overwrite) {
    S3Location at = s3Arn == null ? null : S3Location.parse(s3Arn.strip());
    if (at == null || at.key().isEmpty()) {
      throw SubmitErrors.badS3Transfer(
          proc, "@s3_arn_of_file must be an S3 object ARN, got '" + s3Arn + "'.");
    }
    if (filePath == null || !filePath.strip().toUpperCase(Locale.ROOT).startsWith(ROOT)) {
      throw SubmitErrors.badS3Transfer(
          proc, "@rds_file_path must be a file under D:\\S3\\, got '" + filePath + "'.");
    }
    return queued(
        type,
        s3Arn.strip(),
        overwrite,
        filePath.strip(),
        type == TaskType.DOWNLOAD_FROM_S3 ? objectMb(at) : UPLOAD_MB);
  }

  private Task queued(
      TaskType type, String s3Arn, boolean overwrite, String filePath, long dataMb) {
    Task t = rds.procedures().newTask(type, null, s3Arn, overwrite, null, 1, null, 0);
    t.filePath = filePath;
    t.dataMb = dataMb;
    return t;
  }

  private TaskRow row(Task t) {
    return TaskRow.of(t, rds.cursor, rds.settings().zone());
  }

  private long objectMb(S3Location at) {
    S3Bucket bucket = rds.s3.bucket(at.bucket());
    S3Object o = bucket == null ? null : bucket.get(at.key());
    return o == null ? 1 : Math.max(1, o.sizeMb());
  }
}
