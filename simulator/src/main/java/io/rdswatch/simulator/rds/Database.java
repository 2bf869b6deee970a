package io.rdswatch.simulator.rds;

import java.time.Instant;

/**
 * One database of a simulated instance. Mutable, guarded by its {@link RdsInstance}'s lock.
 *
 * @see Catalog
 */
public final class Database {
  private final int id;
  private final String name;
  private final Instant createDate;
  private final boolean system;
  private final boolean scheduled;
  private long sizeMb;
  private RecoveryModel recoveryModel;
  private DbState state;
  private String tdeCertificate;
  private boolean corrupt;
  private Tables tables;

  Database(int id, DatabaseSpec spec, Instant createDate, boolean system, boolean scheduled) {
    this.id = id;
    this.name = spec.name();
    this.createDate = createDate;
    this.system = system;
    this.scheduled = scheduled;
    this.sizeMb = spec.sizeMb();
    this.recoveryModel = spec.recoveryModel();
    this.state = spec.state();
    this.tdeCertificate = spec.tdeCertificate();
    this.corrupt = spec.corrupt();
    this.tables = spec.tables();
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createDate() {
    return createDate;
  }

  /** master, tempdb, model, msdb, rdsadmin: never dropped, backed up by schedules or counted. */
  public boolean isSystem() {
    return system;
  }

  /** Declared by the scenario, so schedules that say "all databases" back it up. */
  public boolean isScheduled() {
    return scheduled;
  }

  public long sizeMb() {
    return sizeMb;
  }

  public RecoveryModel recoveryModel() {
    return recoveryModel;
  }

  public DbState state() {
    return state;
  }

  public boolean tde() {
    return tdeCertificate != null;
  }

  /** Thumbprint of the certificate protecting its encryption key, or null without TDE. */
  public String tdeCertificate() {
    return tdeCertificate;
  }

  /** Restored from an object marked corrupt: DBCC CHECKDB reports errors. */
  public boolean corrupt() {
    return corrupt;
  }

  public Tables tables() {
    return tables;
  }

  void state(DbState state) {
    this.state = state;
  }

  void corrupt(boolean corrupt) {
    this.corrupt = corrupt;
  }

  void loadFrom(BackupImage image) {
    this.sizeMb = image.sizeMb();
    this.recoveryModel = image.recoveryModel();
    this.tdeCertificate = image.tdeCertificate();
    this.corrupt = image.corrupt();
    this.tables = image.tables();
  }
}
