package io.rdswatch.simulator.rds;

import java.time.Instant;
import java.util.Objects;

/**
 * The fixed facts of one simulated instance.
 *
 * @param backupRestoreOption the SQLSERVER_BACKUP_RESTORE option is in the option group
 * @param backupWindow daily automated backup window, null for none
 * @param storageBytes size of the data volume (sys.dm_os_volume_stats total_bytes)
 * @param freeBytes free space on it at {@code historyStart}, after the declared databases
 * @param historyStart the simulation of this instance (and its schedule) begins here, so a task
 *     table can hold history before "now"
 * @param zone the server time zone every local time it serves is in (UTC by default)
 */
public record InstanceSettings(
    String name,
    String region,
    String accountId,
    boolean backupRestoreOption,
    BackupWindow backupWindow,
    Timing timing,
    long storageBytes,
    long freeBytes,
    long seed,
    Instant historyStart,
    ServerZone zone) {

  public InstanceSettings {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
      throw new IllegalArgumentException(
          "instance name '" + name + "' must be 1-63 letters, digits, '.', '_' or '-'");
    }
    Objects.requireNonNull(region, "region");
    if (!accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("account_id must be 12 digits, got '" + accountId + "'");
    }
    timing = timing == null ? Timing.defaults() : timing;
    if (storageBytes <= 0 || freeBytes < 0 || freeBytes > storageBytes) {
      throw new IllegalArgumentException(
          "instance " + name + ": storage must be > 0 and free space between 0 and storage");
    }
    Objects.requireNonNull(historyStart, "historyStart");
    zone = zone == null ? ServerZone.UTC : zone;
  }

  /** A 200 GiB instance in us-east-1 with the option enabled and no backup window. */
  public static InstanceSettings defaults(String name, Instant start) {
    long gib = 1L << 30;
    return new InstanceSettings(
        name,
        "us-east-1",
        "123456789012",
        true,
        null,
        Timing.defaults(),
        200 * gib,
        150 * gib,
        1,
        start,
        ServerZone.UTC);
  }

  public InstanceSettings withBackupWindow(BackupWindow window) {
    return new InstanceSettings(
        name,
        region,
        accountId,
        backupRestoreOption,
        window,
        timing,
        storageBytes,
        freeBytes,
        seed,
        historyStart,
        zone);
  }

  public InstanceSettings withTiming(Timing t) {
    return new InstanceSettings(
        name,
        region,
        accountId,
        backupRestoreOption,
        backupWindow,
        t,
        storageBytes,
        freeBytes,
        seed,
        historyStart,
        zone);
  }

  public InstanceSettings withZone(ServerZone z) {
    return new InstanceSettings(
        name,
        region,
        accountId,
        backupRestoreOption,
        backupWindow,
        timing,
        storageBytes,
        freeBytes,
        seed,
        historyStart,
        z);
  }
}
