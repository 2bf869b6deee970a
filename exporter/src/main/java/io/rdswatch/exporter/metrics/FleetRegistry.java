package io.rdswatch.exporter.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A registry that knows its {@link InstanceCollector}s, so that a /metrics page can take their
 * samples from per-instance blocks and everything else from the collectors themselves. Walked as a
 * whole ({@link #metricFamilySamples()}), it is an ordinary registry: every collector renders in
 * full.
 */
public final class FleetRegistry extends CollectorRegistry {

  private final List<InstanceCollector> perInstance;
  private final List<MetricFamilySamples> headers = new ArrayList<>();
  private final Set<Collector> others = new LinkedHashSet<>(); // guarded by itself

  /**
   * Registers these collectors and, later, any other; describing them never waits on a snapshot.
   */
  public FleetRegistry(List<? extends InstanceCollector> perInstance) {
    super(true);
    this.perInstance = List.copyOf(perInstance);
    for (InstanceCollector c : this.perInstance) {
      super.register(c);
      headers.addAll(c.describe());
    }
  }

  /**
   * The collectors whose samples come in per-instance blocks ({@link InstanceCollector#samplesOf}).
   */
  public List<InstanceCollector> perInstance() {
    return perInstance;
  }

  /**
   * Every family of the page sorted by name, as {@link MetricsText#sortedFamilies} gives them,
   * except that the families of {@link #perInstance()} come without samples: the caller adds each
   * instance's block after their headers.
   */
  public List<MetricFamilySamples> familiesWithoutBlocks() {
    List<Collector> collectors;
    synchronized (others) {
      collectors = new ArrayList<>(others);
    }
    List<MetricFamilySamples> families = new ArrayList<>(headers);
    collectors.forEach(c -> families.addAll(c.collect()));
    families.sort(Comparator.comparing(f -> f.name));
    return families;
  }

  @Override
  public void register(Collector collector) {
    super.register(collector);
    synchronized (others) {
      others.add(collector);
    }
  }

  @Override
  public void unregister(Collector collector) {
    super.unregister(collector);
    synchronized (others) {
      others.remove(collector);
    }
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("the per-instance collectors stay registered");
  }
}
