package io.rdswatch.simulator.rds;

import java.util.Objects;

/**
 * What a new database looks like: declared by a scenario or a test, or created by a restore.
 *
 * @param tdeCertificate thumbprint of its TDE certificate ("0x..."), null when TDE is off
 * @param corrupt DBCC CHECKDB reports corruption
 */
public record DatabaseSpec(
    String name,
    long sizeMb,
    RecoveryModel recoveryModel,
    DbState state,
    String tdeCertificate,
    boolean corrupt,
    Tables tables) {

  public DatabaseSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > 128) {
      throw new IllegalArgumentException("database name must be 1-128 characters: '" + name + "'");
    }
    if (sizeMb < 1) {
      throw new IllegalArgumentException(
          "database " + name + ": size_mb must be >= 1, got " + sizeMb);
    }
    recoveryModel = recoveryModel == null ? RecoveryModel.FULL : recoveryModel;
    state = state == null ? DbState.ONLINE : state;
    tables = tables == null ? Tables.empty() : tables;
  }

  /** An online, unencrypted FULL-recovery database. */
  public static DatabaseSpec of(String name, long sizeMb) {
    return new DatabaseSpec(
        name, sizeMb, RecoveryModel.FULL, DbState.ONLINE, null, false, Tables.empty());
  }

  public DatabaseSpec withTables(Tables tables) {
    return new DatabaseSpec(name, sizeMb, recoveryModel, state, tdeCertificate, corrupt, tables);
  }

  public DatabaseSpec withTde(String thumbprint) {
    return new DatabaseSpec(name, sizeMb, recoveryModel, state, thumbprint, corrupt, tables);
  }

  public DatabaseSpec withCorrupt(boolean corrupt) {
    return new DatabaseSpec(name, sizeMb, recoveryModel, state, tdeCertificate, corrupt, tables);
  }
}
