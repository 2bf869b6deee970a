package io.rdswatch.agent.http;

import io.rdswatch.exporter.model.FailureClassifier;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;

/**
 * One rds_task_status row as /api/tasks shows it: RDS's own values (task_type, lifecycle, raw
 * task_info) plus rdswatch's reading of them (progress ratio, failure reason for ERROR tasks).
 */
public record TaskView(
    String rdsInstance,
    long taskId,
    String taskType,
    String database,
    String lifecycle,
    boolean active,
    int percentComplete,
    double progressRatio,
    int durationMinutes,
    String createdAt,
    String lastUpdated,
    String s3ObjectArn,
    String kmsMasterKeyArn,
    boolean overwriteS3BackupFile,
    String reason,
    String taskInfo) {

  static TaskView of(String instance, TaskRow row) {
    return new TaskView(
        instance,
        row.taskId(),
        row.taskTypeRaw(),
        row.database(),
        row.lifecycleRaw(),
        row.isActive(),
        row.percentComplete(),
        Math.max(0, Math.min(100, row.percentComplete())) / 100.0,
        row.durationMinutes(),
        InstanceView.iso(row.createdAt()),
        InstanceView.iso(row.lastUpdated()),
        row.s3ObjectArn(),
        row.kmsMasterKeyArn(),
        row.overwriteS3BackupFile(),
        row.lifecycle() == Lifecycle.ERROR ? FailureClassifier.classify(row.taskInfo()).label() : null,
        row.taskInfo());
  }
}
