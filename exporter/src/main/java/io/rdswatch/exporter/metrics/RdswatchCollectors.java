package io.rdswatch.exporter.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.rdswatch.exporter.model.FleetSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The complete set of rdswatch task collectors over one fleet snapshot supplier. The supplier is
 * called once per collector per scrape and must not block (e.g. a volatile read).
 */
public final class RdswatchCollectors {

  private RdswatchCollectors() {}

  /** Every snapshot-driven collector, in page order. */
  public static List<Collector> forFleet(Supplier<FleetSnapshot> fleet) {
    return List.of(
        new PollHealthCollector(fleet),
        new ActiveTaskCollector(fleet),
        new FinishedTaskCollector(fleet),
        new BackupCollector(fleet),
        new CoverageCollector(fleet),
        new InstanceInfoCollector(fleet));
  }

  /** Registers the fleet collectors plus build info; returns them so callers can unregister. */
  public static List<Collector> register(
      CollectorRegistry registry, Supplier<FleetSnapshot> fleet, BuildInfoCollector buildInfo) {
    List<Collector> all = new ArrayList<>(forFleet(fleet));
    all.add(buildInfo);
    all.forEach(registry::register);
    return List.copyOf(all);
  }
}
