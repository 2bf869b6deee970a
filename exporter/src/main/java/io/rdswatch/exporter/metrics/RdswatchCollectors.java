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
    List<Collector> all = new ArrayList<>(perInstance(fleet));
    all.add(new InstanceInfoCollector(fleet));
    return List.copyOf(all);
  }

  /**
   * The collectors whose samples each belong to one instance. rdswatch_instance_info is not one:
   * its label names are the union over the whole fleet.
   */
  public static List<InstanceCollector> perInstance(Supplier<FleetSnapshot> fleet) {
    return List.of(
        new PollHealthCollector(fleet),
        new ActiveTaskCollector(fleet),
        new FinishedTaskCollector(fleet),
        new BackupCollector(fleet),
        new CoverageCollector(fleet));
  }

  /** Registers the fleet collectors plus build info; returns them so callers can unregister. */
  public static List<Collector> register(
      CollectorRegistry registry, Supplier<FleetSnapshot> fleet, BuildInfoCollector buildInfo) {
    List<Collector> all = new ArrayList<>(forFleet(fleet));
    all.add(buildInfo);
    all.forEach(registry::register);
    return List.copyOf(all);
  }

  /** A registry with the fleet collectors and build info, ready for a page built from blocks. */
  public static FleetRegistry registry(
      Supplier<FleetSnapshot> fleet, BuildInfoCollector buildInfo) {
    FleetRegistry registry = new FleetRegistry(perInstance(fleet));
    registry.register(new InstanceInfoCollector(fleet));
    registry.register(buildInfo);
    return registry;
  }
}
