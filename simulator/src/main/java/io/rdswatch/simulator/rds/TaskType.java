package io.rdswatch.simulator.rds;

/**
 * The task_type values the simulated procedures create. The S3-integration types share the
 * instance's two task slots with backups and restores.
 */
public enum TaskType {
  BACKUP_DB,
  BACKUP_DB_DIFFERENTIAL,
  RESTORE_DB,
  RESTORE_DB_NORECOVERY,
  RESTORE_DB_DIFFERENTIAL,
  RESTORE_DB_DIFFERENTIAL_NORECOVERY,
  FINISH_RESTORE,
  DOWNLOAD_FROM_S3,
  UPLOAD_TO_S3,
  LIST_FILES_ON_DISK,
  DELETE_FILES_ON_DISK;

  /** Copies between S3 and the instance's D:\S3 folder, and the folder's housekeeping. */
  public boolean isS3Integration() {
    return this == DOWNLOAD_FROM_S3
        || this == UPLOAD_TO_S3
        || this == LIST_FILES_ON_DISK
        || this == DELETE_FILES_ON_DISK;
  }

  public boolean isBackup() {
    return this == BACKUP_DB || this == BACKUP_DB_DIFFERENTIAL;
  }

  public boolean isRestore() {
    return name().startsWith("RESTORE_DB");
  }

  public boolean isDifferential() {
    return name().contains("DIFFERENTIAL");
  }

  public boolean isNoRecovery() {
    return name().endsWith("NORECOVERY");
  }

  public static TaskType backup(BackupKind kind) {
    return kind == BackupKind.FULL ? BACKUP_DB : BACKUP_DB_DIFFERENTIAL;
  }

  public static TaskType restore(BackupKind kind, boolean noRecovery) {
    if (kind == BackupKind.FULL) {
      return noRecovery ? RESTORE_DB_NORECOVERY : RESTORE_DB;
    }
    return noRecovery ? RESTORE_DB_DIFFERENTIAL_NORECOVERY : RESTORE_DB_DIFFERENTIAL;
  }
}
