package io.rdswatch.agent.drill.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.PrunedTally;
import io.rdswatch.exporter.model.DurationHistogram;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rdswatch_drill_* families, built fresh on every scrape from the drill history (which includes
 * drills the CLI ran) and the latest orphan scan. Reads files only; never waits on SQL Server.
 */
public final class DrillCollector extends Collector implements Collector.Describable {

  private static final List<String> KEY = List.of("rds_instance", "database", "drill");

  private final Supplier<List<DrillRecord>> history;
  private final Supplier<Map<String, Integer>> orphans;
  private final Supplier<Map<String, Integer>> scratchLeft;
  private final Supplier<PrunedTally> pruned;

  public DrillCollector(Supplier<List<DrillRecord>> history, Supplier<Map<String, Integer>> orphans) {
    this(history, orphans, Map::of);
  }

  /**
   * @param orphans scratch-prefixed databases in no journal, per instance, from the last scan
   * @param scratchLeft scratch databases of finished drills whose journal does not say dropped
   */
  public DrillCollector(Supplier<List<DrillRecord>> history, Supplier<Map<String, Integer>> orphans,
      Supplier<Map<String, Integer>> scratchLeft) {
    this(history, PrunedTally::empty, orphans, scratchLeft);
  }

  /** @param pruned what journals deleted by retention had counted */
  public DrillCollector(Supplier<List<DrillRecord>> history, Supplier<PrunedTally> pruned,
      Supplier<Map<String, Integer>> orphans, Supplier<Map<String, Integer>> scratchLeft) {
    this.history = history;
    this.pruned = pruned;
    this.orphans = orphans;
    this.scratchLeft = scratchLeft;
  }

  @Override
  public List<MetricFamilySamples> collect() {
    List<DrillRecord> all = history.get();
    DrillSummary summary = DrillSummary.of(all, pruned.get());
    GaugeMetricFamily last = new GaugeMetricFamily("rdswatch_drill_last_result",
        "1 if the latest drill (not counting skipped ones) of this database succeeded, else 0", KEY);
    GaugeMetricFamily lastSuccess = new GaugeMetricFamily("rdswatch_drill_last_success_timestamp_seconds",
        "When the latest successful drill of this database finished", KEY);
    GaugeMetricFamily lastRun = new GaugeMetricFamily("rdswatch_drill_last_run_timestamp_seconds",
        "When the latest drill (not counting skipped ones) of this database finished", KEY);
    GaugeMetricFamily rtoTarget = new GaugeMetricFamily("rdswatch_drill_rto_target_seconds",
        "The configured RTO target of the latest drill of this database", KEY);
    for (DrillSummary.Latest l : summary.latest()) {
      List<String> labels = List.of(l.instance(), l.database(), l.drill());
      if (l.lastRun() != null) {
        last.addMetric(labels, l.lastRun().status() == DrillStatus.SUCCESS ? 1 : 0);
        lastRun.addMetric(labels, seconds(l.lastRun().finishedAt()));
      }
      if (l.lastSuccess() != null) {
        lastSuccess.addMetric(labels, seconds(l.lastSuccess().finishedAt()));
      }
      if (l.rtoTargetSeconds() != null) {
        rtoTarget.addMetric(labels, l.rtoTargetSeconds());
      }
    }
    List<MetricFamilySamples> out = new ArrayList<>(List.of(last, lastSuccess, lastRun, rtoTarget));
    out.add(restoreDurations(summary.rtoByInstance()));
    out.add(runs(summary.runs()));
    out.add(new GaugeMetricFamily("rdswatch_drill_running",
        "Drills started but not finished (running, or waiting for recovery)", summary.running()));
    GaugeMetricFamily orphan = new GaugeMetricFamily("rdswatch_drill_orphans",
        "Databases carrying the scratch prefix that no drill journal knows; never dropped automatically",
        List.of("rds_instance"));
    orphans.get().forEach((instance, n) -> orphan.addMetric(List.of(instance), n));
    out.add(orphan);
    GaugeMetricFamily left = new GaugeMetricFamily("rdswatch_drill_scratch_left",
        "Scratch databases of finished drills that were not dropped (keepOnFailure or a failed drop) and still exist",
        List.of("rds_instance"));
    scratchLeft.get().forEach((instance, n) -> left.addMetric(List.of(instance), n));
    out.add(left);
    return out;
  }

  private static MetricFamilySamples runs(EnumMap<DrillStatus, Long> runs) {
    CounterMetricFamily f = new CounterMetricFamily("rdswatch_drill_runs_total",
        "Finished drills by result (from the drill history in stateDir)", List.of("result"));
    for (DrillStatus s : DrillStatus.values()) {
      if (s != DrillStatus.RUNNING) {
        f.addMetric(List.of(s.label()), runs.getOrDefault(s, 0L));
      }
    }
    return f;
  }

  private static MetricFamilySamples restoreDurations(Map<String, DurationHistogram> byInstance) {
    String name = "rdswatch_drill_restore_duration_seconds";
    List<MetricFamilySamples.Sample> samples = new ArrayList<>();
    byInstance.forEach((instance, h) -> {
      long[] counts = h.bucketCounts();
      long cumulative = 0;
      for (int i = 0; i < DurationHistogram.UPPER_BOUNDS.length; i++) {
        cumulative += counts[i];
        samples.add(new MetricFamilySamples.Sample(name + "_bucket", List.of("rds_instance", "le"),
            List.of(instance, Collector.doubleToGoString(DurationHistogram.UPPER_BOUNDS[i])), cumulative));
      }
      samples.add(new MetricFamilySamples.Sample(name + "_bucket", List.of("rds_instance", "le"),
          List.of(instance, "+Inf"), h.count()));
      samples.add(new MetricFamilySamples.Sample(name + "_count", List.of("rds_instance"), List.of(instance), h.count()));
      samples.add(new MetricFamilySamples.Sample(name + "_sum", List.of("rds_instance"), List.of(instance), h.sum()));
    });
    return new MetricFamilySamples(name, Type.HISTOGRAM,
        "Measured restore time (RTO: submit to SUCCESS, queue wait included) of successful drill restores",
        samples);
  }

  private static double seconds(java.time.Instant t) {
    return t.toEpochMilli() / 1000.0;
  }

  @Override
  public List<MetricFamilySamples> describe() {
    return List.of();
  }
}
