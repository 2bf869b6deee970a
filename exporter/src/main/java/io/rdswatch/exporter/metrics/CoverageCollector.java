package io.rdswatch.exporter.metrics;

import static io.rdswatch.exporter.metrics.Labels.DATABASE;
import static io.rdswatch.exporter.metrics.Labels.RDS_INSTANCE;

import io.rdswatch.exporter.model.DatabaseCoverage;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import java.util.List;
import java.util.function.Supplier;

/**
 * The user databases of each instance's catalog and whether a native FULL backup covers them. A
 * database that was never backed up has no last-success series at all, so this is the only series
 * that can alert on it. The catalog read is kept while an instance is down: databases do not vanish
 * because a poll failed.
 */
public final class CoverageCollector extends InstanceCollector {

  public CoverageCollector(Supplier<FleetSnapshot> fleet) {
    super(fleet);
  }

  @Override
  protected List<MetricFamilySamples> familiesOf(List<InstanceSnapshot> instances) {
    SampleTable info = new SampleTable();
    SampleTable without = new SampleTable();
    for (InstanceSnapshot instance : instances) {
      for (DatabaseCoverage db : instance.databases()) {
        info.put(1, instance.name(), db.name(), db.state(), db.recoveryModel());
        if (db.withoutFullBackup() != null) {
          without.put(db.unprotected() ? 1 : 0, instance.name(), db.name(), "full");
        }
      }
    }
    return List.of(
        info.gauge(
            "rdswatch_database_info",
            "A user database of the instance's catalog (sys.databases); always 1.",
            List.of(RDS_INSTANCE, DATABASE, "state", "recovery_model")),
        without.gauge(
            "rdswatch_database_without_backup",
            "1 if an ONLINE database older than the grace period has no successful native backup"
                + " of this type in the task history.",
            List.of(RDS_INSTANCE, DATABASE, "backup_type")));
  }
}
