package io.rdswatch.agent.http;

import io.rdswatch.exporter.metrics.MetricsText;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.rdswatch.exporter.metrics.InstanceInfoCollector;
import io.rdswatch.exporter.metrics.RdswatchCollectors;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The /metrics page of a whole fleet, assembled from pieces. Every per-instance family of
 * rdswatch's collectors holds samples of one instance only, sorted with rds_instance first, so its
 * block on the page is the concatenation, in fleet order, of each instance's own samples. Those are
 * rendered by the same collectors over a one-instance fleet and kept for as long as that
 * instance's snapshot is the current one: a scrape renders only the instances polled since the last
 * scrape and copies the rest (bench figure 3: a thousand instances make a 15 MB page).
 *
 * <p>The registry is still walked as a whole, in name order, so the page is byte for byte what
 * rendering the registry gives (FleetPageTest). Its fleet collectors must read their snapshot
 * through {@link #emptyWhileAssembling}, so that they only contribute their headers during that
 * walk; one that does not is rendered in full instead of from pieces, correct but slow.
 * rdswatch_instance_info takes its label names from the whole fleet, so it is rendered whole.
 */
final class FleetPage {

  private static final ThreadLocal<Boolean> ASSEMBLING = ThreadLocal.withInitial(() -> false);
  private static final FleetSnapshot NOTHING = FleetSnapshot.empty(Instant.EPOCH);

  /** One instance's sample lines per family, per format, rendered on first use. */
  private static final class Pieces {
    final Map<PageFormat, Map<String, byte[]>> byFormat = new EnumMap<>(PageFormat.class);
  }

  private final CollectorRegistry registry;
  private final Supplier<FleetSnapshot> fleet;
  private final Set<String> pieceFamilies = new HashSet<>();
  private final String instanceInfo;
  private volatile Map<InstanceSnapshot, Pieces> pieces = new IdentityHashMap<>();

  FleetPage(CollectorRegistry registry, Supplier<FleetSnapshot> fleet) {
    this.registry = registry;
    this.fleet = fleet;
    for (Collector c : perInstanceCollectors(() -> null)) {
      ((Collector.Describable) c).describe().forEach(f -> pieceFamilies.add(f.name));
    }
    this.instanceInfo = new InstanceInfoCollector(() -> null).describe().get(0).name;
  }

  /** Wraps the registry's fleet supplier: while a page is being assembled it gives an empty fleet. */
  static Supplier<FleetSnapshot> emptyWhileAssembling(Supplier<FleetSnapshot> fleet) {
    return () -> ASSEMBLING.get() ? NOTHING : fleet.get();
  }

  void write(PageFormat format, PageWriter out) throws IOException {
    FleetSnapshot snapshot = fleet.get();
    List<InstanceSnapshot> instances = snapshot == null ? List.of() : snapshot.instances();
    List<Map<String, byte[]>> samples = samplesOf(instances, format);
    List<MetricFamilySamples> families;
    ASSEMBLING.set(true);
    try {
      families = MetricsText.sortedFamilies(registry);
    } finally {
      ASSEMBLING.set(false);
    }
    Map<String, MetricFamilySamples> endOfPage = new TreeMap<>();
    for (MetricFamilySamples family : families) {
      boolean headerOnly = family.samples.isEmpty();
      if (headerOnly && family.name.equals(instanceInfo) && snapshot != null) {
        out.write(format.render(new InstanceInfoCollector(() -> snapshot).collect().get(0)));
        continue;
      }
      out.write(format.render(format.inPlace(family, endOfPage)));
      if (headerOnly && pieceFamilies.contains(family.name)) {
        for (Map<String, byte[]> instance : samples) {
          byte[] piece = instance.get(family.name);
          if (piece != null) {
            out.writeUtf8(piece);
          }
        }
      }
    }
    if (!endOfPage.isEmpty()) {
      out.write(format.render(new ArrayList<>(endOfPage.values())));
    }
    out.write(format.trailer());
  }

  /** Each instance's pieces in fleet order, reusing those of snapshots already rendered. */
  private List<Map<String, byte[]>> samplesOf(List<InstanceSnapshot> instances, PageFormat format) {
    Map<InstanceSnapshot, Pieces> previous = pieces;
    Map<InstanceSnapshot, Pieces> current = new IdentityHashMap<>(instances.size() * 2);
    List<Map<String, byte[]>> out = new ArrayList<>(instances.size());
    for (InstanceSnapshot instance : instances) {
      Pieces p = previous.getOrDefault(instance, new Pieces());
      current.put(instance, p);
      out.add(piecesOf(p, instance, format));
    }
    pieces = current; // snapshots replaced since the last scrape drop out here
    return out;
  }

  private static Map<String, byte[]> piecesOf(Pieces p, InstanceSnapshot instance, PageFormat format) {
    synchronized (p) {
      return p.byFormat.computeIfAbsent(format, f -> render(instance, f));
    }
  }

  private static Map<String, byte[]> render(InstanceSnapshot instance, PageFormat format) {
    FleetSnapshot one = new FleetSnapshot(List.of(instance), instance.takenAt());
    Map<String, byte[]> byName = new LinkedHashMap<>();
    for (Collector c : perInstanceCollectors(() -> one)) {
      for (MetricFamilySamples f : c.collect()) {
        String samples = format.samples(f);
        if (!samples.isEmpty()) {
          byName.put(f.name, samples.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return byName;
  }

  private static List<Collector> perInstanceCollectors(Supplier<FleetSnapshot> fleet) {
    return RdswatchCollectors.forFleet(fleet).stream().filter(c -> !(c instanceof InstanceInfoCollector)).toList();
  }
}
