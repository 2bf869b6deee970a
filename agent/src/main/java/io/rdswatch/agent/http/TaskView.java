package io.rdswatch.agent.http;

import io.rdswatch.exporter.model.Classification;
import io.rdswatch.exporter.model.FailureClassifier;
import io.rdswatch.exporter.model.FailureContext;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;

/**
 * One rds_task_status row as /api/tasks shows it: RDS's own values (task_type, lifecycle, raw
 * task_info) plus rdswatch's reading of them (progress ratio; for ERROR tasks the failure reason
 * and reasonEvidence, the task_info entry that decided it, see the README's failure reason table).
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
    String reasonEvidence,
    String taskInfo) {

  static TaskView of(String instance, TaskRow row, FailureContext context) {
    Classification failure =
        row.lifecycle() == Lifecycle.ERROR ? FailureClassifier.classify(row, context) : null;
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
        failure == null ? null : failure.label(),
        failure == null ? null : failure.evidence(),
        row.taskInfo());
  }
}
