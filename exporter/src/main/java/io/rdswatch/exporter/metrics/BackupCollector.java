package io.rdswatch.exporter.metrics;

import static io.rdswatch.exporter.metrics.Labels.DATABASE;
import static io.rdswatch.exporter.metrics.Labels.RDS_INSTANCE;

import io.rdswatch.exporter.model.ActiveTask;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Last successful backup and restore per database, the learned backup interval and the
 * backup-overlap gauge. Timestamps are facts kept across restarts, so they stay while an instance
 * is down, as does the interval learned from the last history read; overlap describes the last poll
 * and is left out then.
 */
public final class BackupCollector extends InstanceCollector {

  public BackupCollector(Supplier<FleetSnapshot> fleet) {
    super(fleet);
  }

  @Override
  protected List<MetricFamilySamples> familiesOf(List<InstanceSnapshot> instances) {
    SampleTable backups = new SampleTable();
    SampleTable restores = new SampleTable();
    SampleTable overlap = new SampleTable();
    SampleTable expected = new SampleTable();
    for (InstanceSnapshot instance : instances) {
      String name = instance.name();
      for (Map.Entry<BackupKey, Instant> e : instance.backupLastSuccess().entrySet()) {
        BackupKey k = e.getKey();
        backups.put(Labels.seconds(e.getValue()), name, k.database(), k.kind().label());
      }
      instance
          .expectedIntervalSeconds()
          .forEach((k, seconds) -> expected.put(seconds, name, k.database(), k.kind().label()));
      instance.restoreLastSuccess().forEach((db, at) -> restores.put(Labels.seconds(at), name, db));
      if (instance.up()) {
        for (String db : backedUpDatabases(instance)) {
          overlap.put(instance.overlappingDatabases().contains(db) ? 1 : 0, name, db);
        }
      }
    }
    return List.of(
        backups.gauge(
            "rdswatch_backup_last_success_timestamp_seconds",
            "Unix time (last_updated) of the last successful native backup, kept across restarts.",
            List.of(RDS_INSTANCE, DATABASE, "backup_type")),
        expected.gauge(
            "rdswatch_backup_expected_interval_seconds",
            "Usual gap between successful native backups, learned from the task history (median"
                + " of the gaps, once there are at least 5).",
            List.of(RDS_INSTANCE, DATABASE, "backup_type")),
        restores.gauge(
            "rdswatch_restore_last_success_timestamp_seconds",
            "Unix time (last_updated) of the last successful restore into this database name.",
            List.of(RDS_INSTANCE, DATABASE)),
        overlap.gauge(
            "rdswatch_backup_overlap",
            "1 while two backups of a database are non-terminal at once, or one runs inside the"
                + " instance's automated backup window (RDS aborts it).",
            List.of(RDS_INSTANCE, DATABASE)));
  }

  /** Databases with a backup history or a backup now, so overlap is 0 (not absent) when fine. */
  private static TreeSet<String> backedUpDatabases(InstanceSnapshot instance) {
    TreeSet<String> dbs = new TreeSet<>(instance.overlappingDatabases());
    instance.backupLastSuccess().keySet().forEach(k -> dbs.add(k.database()));
    for (ActiveTask task : instance.activeTasks()) {
      if (task.row().taskType().isBackup() && task.row().database() != null) {
        dbs.add(task.row().database());
      }
    }
    return dbs;
  }
}
