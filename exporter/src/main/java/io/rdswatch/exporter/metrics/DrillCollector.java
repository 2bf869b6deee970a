package io.rdswatch.exporter.metrics;

import static io.rdswatch.exporter.metrics.Labels.DATABASE;
import static io.rdswatch.exporter.metrics.Labels.RDS_INSTANCE;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.rdswatch.exporter.model.DrillSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rdswatch_drill_* families, built fresh on every scrape from the latest {@link DrillSnapshot}
 * (whose history includes drills the CLI ran). The supplier must not wait on SQL Server.
 */
public final class DrillCollector extends Collector implements Collector.Describable {

  private static final List<String> KEY = List.of(RDS_INSTANCE, DATABASE, "drill");

  private final Supplier<DrillSnapshot> drills;

  public DrillCollector(Supplier<DrillSnapshot> drills) {
    this.drills = drills;
  }

  @Override
  public List<MetricFamilySamples> collect() {
    DrillSnapshot snapshot = drills.get();
    GaugeMetricFamily last =
        new GaugeMetricFamily(
            "rdswatch_drill_last_result",
            "1 if the latest drill (not counting skipped ones) of this database succeeded, else 0",
            KEY);
    GaugeMetricFamily lastSuccess =
        new GaugeMetricFamily(
            "rdswatch_drill_last_success_timestamp_seconds",
            "When the latest successful drill of this database finished",
            KEY);
    GaugeMetricFamily lastRun =
        new GaugeMetricFamily(
            "rdswatch_drill_last_run_timestamp_seconds",
            "When the latest drill (not counting skipped ones) of this database finished",
            KEY);
    GaugeMetricFamily rtoTarget =
        new GaugeMetricFamily(
            "rdswatch_drill_rto_target_seconds",
            "The configured RTO target of the latest drill of this database",
            KEY);
    for (DrillSnapshot.Latest l : snapshot.latest()) {
      List<String> labels = List.of(l.instance(), l.database(), l.drill());
      if (l.lastRunSucceeded() != null) {
        last.addMetric(labels, l.lastRunSucceeded() ? 1 : 0);
        lastRun.addMetric(labels, seconds(l.lastRunAt()));
      }
      if (l.lastSuccessAt() != null) {
        lastSuccess.addMetric(labels, seconds(l.lastSuccessAt()));
      }
      if (l.rtoTargetSeconds() != null) {
        rtoTarget.addMetric(labels, l.rtoTargetSeconds());
      }
    }
    HistogramFamily restores =
        new HistogramFamily(
            "rdswatch_drill_restore_duration_seconds",
            "Measured restore time (RTO: submit to SUCCESS, queue wait included) of successful drill restores",
            List.of(RDS_INSTANCE));
    snapshot.restoreDurations().forEach((instance, h) -> restores.add(h, instance));
    CounterMetricFamily runs =
        new CounterMetricFamily(
            "rdswatch_drill_runs_total",
            "Finished drills by result (from the drill history in stateDir)",
            List.of("result"));
    snapshot.runs().forEach(r -> runs.addMetric(List.of(r.result()), r.count()));
    return List.of(
        last,
        lastSuccess,
        lastRun,
        rtoTarget,
        restores.build(),
        runs,
        new GaugeMetricFamily(
            "rdswatch_drill_running",
            "Drills started but not finished (running, or waiting for recovery)",
            snapshot.running()),
        perInstance(
            "rdswatch_drill_orphans",
            "Databases carrying the scratch prefix that no drill journal knows; never dropped automatically",
            snapshot.orphans()),
        perInstance(
            "rdswatch_drill_scratch_left",
            "Scratch databases of finished drills that were not dropped (keepOnFailure or a failed drop) and still"
                + " exist",
            snapshot.scratchLeft()));
  }

  /** Nothing, so that registering never reads the drill history. */
  @Override
  public List<MetricFamilySamples> describe() {
    return List.of();
  }

  private static GaugeMetricFamily perInstance(
      String name, String help, Map<String, Integer> byInstance) {
    GaugeMetricFamily family = new GaugeMetricFamily(name, help, List.of(RDS_INSTANCE));
    byInstance.forEach((instance, n) -> family.addMetric(List.of(instance), n));
    return family;
  }

  /** Drill times are kept to the millisecond. */
  private static double seconds(Instant t) {
    return t.toEpochMilli() / 1000.0;
  }
}
