package io.rdswatch.exporter.model;

/**
 * One user database from the instance's catalog (sys.databases) and whether its native backups
 * cover it.
 *
 * @param state SQL Server's state_desc, e.g. ONLINE, RESTORING, OFFLINE
 * @param recoveryModel SQL Server's recovery_model_desc: FULL, BULK_LOGGED or SIMPLE
 * @param withoutFullBackup 1/0 of rdswatch_database_without_backup; null when the database is not
 *     judged (excluded by name in the config), so no series is exported for it
 */
public record DatabaseCoverage(
    String name, String state, String recoveryModel, Boolean withoutFullBackup) {

  public boolean unprotected() {
    return Boolean.TRUE.equals(withoutFullBackup);
  }
}
