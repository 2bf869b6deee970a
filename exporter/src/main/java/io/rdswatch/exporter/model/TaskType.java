package io.rdswatch.exporter.model;

import java.util.Locale;

/**
 * rds_task_status task_type. RDS shares the task table with S3-integration and SSAS tasks, so the
 * set is open: anything unknown becomes OTHER (label value "other").
 */
public enum TaskType {
  BACKUP_DB,
  BACKUP_DB_DIFFERENTIAL,
  RESTORE_DB,
  RESTORE_DB_NORECOVERY,
  RESTORE_DB_DIFFERENTIAL,
  RESTORE_DB_DIFFERENTIAL_NORECOVERY,
  RESTORE_DB_LOG,
  RESTORE_DB_LOG_NORECOVERY,
  FINISH_RESTORE,
  DOWNLOAD_FROM_S3,
  UPLOAD_TO_S3,
  LIST_FILES_ON_DISK,
  DELETE_FILES_ON_DISK,
  OTHER;

  public static TaskType parse(String raw) {
    if (raw == null) {
      return OTHER;
    }
    String norm = raw.trim().toUpperCase(Locale.ROOT);
    for (TaskType t : values()) {
      if (t != OTHER && t.name().equals(norm)) {
        return t;
      }
    }
    return OTHER;
  }

  /** The Prometheus label value: the RDS name as shown by rds_task_status, or "other". */
  public String label() {
    return this == OTHER ? "other" : name();
  }

  public boolean isBackup() {
    return this == BACKUP_DB || this == BACKUP_DB_DIFFERENTIAL;
  }

  public boolean isRestore() {
    return name().startsWith("RESTORE_DB");
  }

  /**
   * S3 integration: copies between S3 and the instance's D:\S3 folder, and that folder's
   * housekeeping.
   */
  public boolean isS3Integration() {
    return this == DOWNLOAD_FROM_S3
        || this == UPLOAD_TO_S3
        || this == LIST_FILES_ON_DISK
        || this == DELETE_FILES_ON_DISK;
  }

  /**
   * Backup, restore and S3-integration tasks compete for RDS's two task slots: AWS documents that
   * S3-integration tasks share the native backup and restore queue.
   */
  public boolean usesSlot() {
    return isBackup() || isRestore() || this == FINISH_RESTORE || isS3Integration();
  }
}
