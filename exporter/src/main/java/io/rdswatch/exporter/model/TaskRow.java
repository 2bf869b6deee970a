package io.rdswatch.exporter.model;

import java.time.Instant;

/**
 * One row of msdb.dbo.rds_task_status, parsed. Timestamps are read as UTC. Nullable fields are null
 * when RDS leaves them empty.
 *
 * @param percentComplete 0..100 as RDS reports it
 * @param durationMinutes RDS's "duration(mins)"
 */
public record TaskRow(
    long taskId,
    String taskTypeRaw,
    TaskType taskType,
    String database,
    int percentComplete,
    int durationMinutes,
    String lifecycleRaw,
    Lifecycle lifecycle,
    String taskInfo,
    Instant lastUpdated,
    Instant createdAt,
    String s3ObjectArn,
    boolean overwriteS3BackupFile,
    String kmsMasterKeyArn) {

  /** This row with another task_info, e.g. one read separately from the other columns. */
  public TaskRow withTaskInfo(String taskInfo) {
    return new TaskRow(
        taskId,
        taskTypeRaw,
        taskType,
        database,
        percentComplete,
        durationMinutes,
        lifecycleRaw,
        lifecycle,
        taskInfo,
        lastUpdated,
        createdAt,
        s3ObjectArn,
        overwriteS3BackupFile,
        kmsMasterKeyArn);
  }

  /** This row with another database name, e.g. its label value. */
  public TaskRow withDatabase(String database) {
    return new TaskRow(
        taskId,
        taskTypeRaw,
        taskType,
        database,
        percentComplete,
        durationMinutes,
        lifecycleRaw,
        lifecycle,
        taskInfo,
        lastUpdated,
        createdAt,
        s3ObjectArn,
        overwriteS3BackupFile,
        kmsMasterKeyArn);
  }

  /** Queued, running or being cancelled; a lifecycle RDS does not document is not active. */
  public boolean isActive() {
    return !lifecycle.isTerminal() && lifecycle != Lifecycle.UNKNOWN;
  }
}
