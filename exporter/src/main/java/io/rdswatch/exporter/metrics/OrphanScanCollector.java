package io.rdswatch.exporter.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * rdswatch_drill_orphan_scan_timeouts_total: orphan scans that ran past drills.orphanScanTimeout.
 * Without it a hung drill target would only show as orphan counts that quietly stopped changing.
 */
public final class OrphanScanCollector extends Collector implements Collector.Describable {

  private final LongSupplier timeouts;

  public OrphanScanCollector(LongSupplier timeouts) {
    this.timeouts = timeouts;
  }

  @Override
  public List<MetricFamilySamples> collect() {
    return List.of(
        new CounterMetricFamily(
            "rdswatch_drill_orphan_scan_timeouts_total",
            "Orphan scans that gave up at drills.orphanScanTimeout; the instances not reached keep their last counts",
            timeouts.getAsLong()));
  }

  @Override
  public List<MetricFamilySamples> describe() {
    return List.of();
  }
}
