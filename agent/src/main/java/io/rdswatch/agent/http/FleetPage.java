package io.rdswatch.agent.http;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.rdswatch.exporter.metrics.FleetRegistry;
import io.rdswatch.exporter.metrics.InstanceCollector;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The /metrics page of a whole fleet, assembled from pieces. The registry's per-instance collectors
 * give each instance's samples as a block of its own ({@link InstanceCollector#samplesOf}); a
 * family's part of the page is its header followed by those blocks in fleet order. Blocks are
 * rendered once per instance snapshot and kept while it is the current one, so a scrape renders
 * only the instances polled since the last scrape and copies the rest (bench figure 3: a thousand
 * instances make a 15 MB page). Every other family is rendered whole, in name order with the rest,
 * so the page is byte for byte what rendering the registry gives (FleetPageTest).
 */
final class FleetPage {

  /** One instance's sample lines per family, per format, rendered on first use. */
  private static final class Pieces {
    final Map<PageFormat, Map<String, byte[]>> byFormat = new EnumMap<>(PageFormat.class);
  }

  private final FleetRegistry registry;
  private final Supplier<FleetSnapshot> fleet;
  private final Set<String> blockFamilies = new HashSet<>();
  private volatile Map<InstanceSnapshot, Pieces> pieces = new IdentityHashMap<>();

  FleetPage(FleetRegistry registry, Supplier<FleetSnapshot> fleet) {
    this.registry = registry;
    this.fleet = fleet;
    for (InstanceCollector c : registry.perInstance()) {
      c.describe().forEach(f -> blockFamilies.add(f.name));
    }
  }

  void write(PageFormat format, PageWriter out) throws IOException {
    FleetSnapshot snapshot = fleet.get();
    List<InstanceSnapshot> instances = snapshot == null ? List.of() : snapshot.instances();
    List<Map<String, byte[]>> blocks = blocksOf(instances, format);
    Map<String, MetricFamilySamples> endOfPage = new TreeMap<>();
    for (MetricFamilySamples family : registry.familiesWithoutBlocks()) {
      out.write(format.render(format.inPlace(family, endOfPage)));
      if (blockFamilies.contains(family.name)) {
        for (Map<String, byte[]> instance : blocks) {
          byte[] block = instance.get(family.name);
          if (block != null) {
            out.writeUtf8(block);
          }
        }
      }
    }
    if (!endOfPage.isEmpty()) {
      out.write(format.render(new ArrayList<>(endOfPage.values())));
    }
    out.write(format.trailer());
  }

  /** Each instance's blocks in fleet order, reusing those of snapshots already rendered. */
  private List<Map<String, byte[]>> blocksOf(List<InstanceSnapshot> instances, PageFormat format) {
    Map<InstanceSnapshot, Pieces> previous = pieces;
    Map<InstanceSnapshot, Pieces> current = new IdentityHashMap<>(instances.size() * 2);
    List<Map<String, byte[]>> out = new ArrayList<>(instances.size());
    for (InstanceSnapshot instance : instances) {
      Pieces p = previous.getOrDefault(instance, new Pieces());
      current.put(instance, p);
      out.add(blocksOf(p, instance, format));
    }
    pieces = current; // snapshots replaced since the last scrape drop out here
    return out;
  }

  private Map<String, byte[]> blocksOf(Pieces p, InstanceSnapshot instance, PageFormat format) {
    synchronized (p) {
      return p.byFormat.computeIfAbsent(format, f -> render(instance, f));
    }
  }

  private Map<String, byte[]> render(InstanceSnapshot instance, PageFormat format) {
    Map<String, byte[]> byName = new HashMap<>();
    for (InstanceCollector c : registry.perInstance()) {
      for (MetricFamilySamples f : c.samplesOf(instance)) {
        String samples = format.samples(f);
        if (!samples.isEmpty()) {
          byName.put(f.name, samples.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return byName;
  }
}
