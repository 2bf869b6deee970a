package io.rdswatch.exporter.model;

/** Labels of rdswatch_tasks_finished_total (beside rds_instance). */
public record FinishedKey(String database, TaskType taskType, Lifecycle lifecycle) {}
