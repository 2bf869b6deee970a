package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Session;
import io.rdswatch.simulator.sql.lang.ObjectName;
import java.util.List;
import java.util.Locale;

/**
 * THE list of simulated procedures. Add a procedure by implementing {@link Procedure} and listing
 * it in {@link #standard()}.
 */
public final class ProcedureCatalog {
  private final List<Procedure> procedures;

  public ProcedureCatalog(List<Procedure> procedures) {
    this.procedures = List.copyOf(procedures);
  }

  public static ProcedureCatalog standard() {
    return Standard.CATALOG;
  }

  /** Built on first use; procedures are stateless, so one catalog serves every instance. */
  private static final class Standard {
    static final ProcedureCatalog CATALOG = build();
  }

  private static ProcedureCatalog build() {
    return new ProcedureCatalog(
        List.of(
            new RdsTaskStatusProc(),
            new RdsBackupDatabaseProc(),
            new RdsRestoreDatabaseProc(),
            new RdsCancelTaskProc(),
            new RdsDropDatabaseProc(),
            new RdsFinishRestoreProc(),
            RdsS3TransferProc.download(),
            RdsS3TransferProc.upload(),
            new RdsFileDetailsProc(),
            new RdsDeleteFromFilesystemProc(),
            new SpGetAppLockProc(),
            new SpReleaseAppLockProc(),
            new SpSprocColumnsProc(),
            new SpUnprepareProc()));
  }

  /** Any procedure of this name, wherever it lives (for sp_sproc_columns). */
  public Procedure byName(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    int semicolon = key.indexOf(';');
    String bare = semicolon < 0 ? key : key.substring(0, semicolon);
    return procedures.stream().filter(p -> p.name().equals(bare)).findFirst().orElse(null);
  }

  /**
   * Resolves a name as SQL Server would: msdb procedures need {@code msdb.} (or a session in msdb);
   * system procedures resolve from any database.
   */
  public Procedure resolve(ObjectName name, Session session) {
    Procedure p = byName(name.object());
    if (p == null) {
      return null;
    }
    if (p.database() == null) {
      return p;
    }
    String db = name.database().isEmpty() ? session.database() : name.database();
    return p.database().equalsIgnoreCase(db) ? p : null;
  }

  public boolean knows(String objectName) {
    return byName(objectName) != null;
  }
}
