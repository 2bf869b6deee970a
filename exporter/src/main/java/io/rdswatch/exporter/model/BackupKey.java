package io.rdswatch.exporter.model;

/** Labels of rdswatch_backup_last_success_timestamp_seconds (beside rds_instance). */
public record BackupKey(String database, BackupKind kind) {}
