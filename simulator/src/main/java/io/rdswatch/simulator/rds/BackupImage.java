package io.rdswatch.simulator.rds;

/**
 * What a native backup captured of its source database; a restore turns it back into a database.
 *
 * @param tdeCertificate thumbprint of the source's TDE certificate, null when not TDE-encrypted
 * @param corrupt the backup holds corrupt pages: the restore succeeds, DBCC CHECKDB fails
 */
public record BackupImage(
    String sourceDb,
    BackupKind kind,
    long sizeMb,
    RecoveryModel recoveryModel,
    String tdeCertificate,
    boolean corrupt,
    Tables tables) {

  public static BackupImage of(Database db, BackupKind kind, long sizeMb) {
    return new BackupImage(
        db.name(),
        kind,
        sizeMb,
        db.recoveryModel(),
        db.tdeCertificate(),
        db.corrupt(),
        db.tables());
  }

  public BackupImage withCorrupt(boolean value) {
    return new BackupImage(sourceDb, kind, sizeMb, recoveryModel, tdeCertificate, value, tables);
  }
}
