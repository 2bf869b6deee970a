package io.rdswatch.exporter.model;

/** Labels of rdswatch_task_failures_total (beside rds_instance). */
public record FailureKey(String database, TaskType taskType, FailureReason reason) {}
