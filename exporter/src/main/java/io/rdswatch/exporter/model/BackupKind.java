package io.rdswatch.exporter.model;

import java.util.Locale;

/** The backup_type label: full or differential. */
public enum BackupKind {
  FULL,
  DIFFERENTIAL;

  public static BackupKind of(TaskType type) {
    return type == TaskType.BACKUP_DB_DIFFERENTIAL ? DIFFERENTIAL : FULL;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
