package io.rdswatch.exporter.metrics;

import io.prometheus.client.Collector;
import io.rdswatch.exporter.model.FleetSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Base for collectors that turn the latest {@link FleetSnapshot} into fresh samples on every
 * scrape. Subclasses keep no state, so concurrent scrapes are safe; the snapshot is read once per
 * collect so that all families of one scrape describe the same moment.
 */
public abstract class SnapshotCollector extends Collector implements Collector.Describable {

  private static final FleetSnapshot NOTHING = FleetSnapshot.empty(Instant.EPOCH);

  private final Supplier<FleetSnapshot> fleet;

  protected SnapshotCollector(Supplier<FleetSnapshot> fleet) {
    this.fleet = Objects.requireNonNull(fleet, "fleet");
  }

  @Override
  public final List<MetricFamilySamples> collect() {
    FleetSnapshot snapshot = fleet.get();
    return families(snapshot == null ? NOTHING : snapshot);
  }

  /** The same families without samples, so registering never waits on a snapshot. */
  @Override
  public final List<MetricFamilySamples> describe() {
    return families(NOTHING);
  }

  /** Builds new families from one snapshot; must not keep or mutate anything. */
  protected abstract List<MetricFamilySamples> families(FleetSnapshot snapshot);
}
