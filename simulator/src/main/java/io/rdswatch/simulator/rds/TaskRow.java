package io.rdswatch.simulator.rds;

import java.time.Instant;

/** One task as rds_task_status shows it at a moment; an immutable snapshot. */
public record TaskRow(
    int taskId,
    String taskType,
    String databaseName,
    int percentComplete,
    int durationMinutes,
    Lifecycle lifecycle,
    String taskInfo,
    Instant lastUpdated,
    Instant createdAt,
    String s3ObjectArn,
    boolean overwriteS3BackupFile,
    String kmsMasterKeyArn,
    String filePath,
    boolean overwriteFile) {

  static TaskRow of(Task t, Instant now, ServerZone zone) {
    int minutes = 0;
    if (t.startedAt != null && !t.startedAt.isAfter(now)) {
      Instant until = t.lifecycle.isTerminal() && t.endAt.isBefore(now) ? t.endAt : now;
      minutes = (int) java.time.Duration.between(t.startedAt, until).toMinutes();
    }
    TaskInfoRenderer.Log log = t.log(now, zone);
    return new TaskRow(
        t.id,
        t.type.name(),
        t.database,
        TaskInfoRenderer.percent(t, now),
        minutes,
        t.lifecycle,
        log.text(),
        log.lastUpdated(),
        t.createdAt,
        t.s3Arn,
        t.overwrite && !t.type.isS3Integration(),
        t.kmsKeyArn,
        t.filePath,
        t.overwrite && t.type.isS3Integration());
  }
}
