package io.rdswatch.simulator.rds;

/** The task_type values the simulated procedures create (reference §2.4). */
public enum TaskType {
  BACKUP_DB,
  BACKUP_DB_DIFFERENTIAL,
  RESTORE_DB,
  RESTORE_DB_NORECOVERY,
  RESTORE_DB_DIFFERENTIAL,
  RESTORE_DB_DIFFERENTIAL_NORECOVERY,
  FINISH_RESTORE;

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
