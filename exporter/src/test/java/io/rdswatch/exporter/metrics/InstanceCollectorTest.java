package io.rdswatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import io.rdswatch.exporter.testsupport.SampleFleet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page assembled from per-instance blocks must hold exactly the samples of the whole fleet. */
class InstanceCollectorTest {

  private final FleetSnapshot fleet = SampleFleet.fleet();

  @Test
  void theBlocksOfEachInstanceInFleetOrderAreTheWholeFamilies() {
    for (InstanceCollector c : RdswatchCollectors.perInstance(() -> fleet)) {
      List<MetricFamilySamples> whole = c.collect();
      List<MetricFamilySamples> headers = c.describe();
      assertThat(headers)
          .extracting(f -> f.name)
          .isEqualTo(whole.stream().map(f -> f.name).toList());
      for (int i = 0; i < whole.size(); i++) {
        List<Sample> joined = new ArrayList<>();
        for (InstanceSnapshot instance : fleet.instances()) {
          MetricFamilySamples block = c.samplesOf(instance).get(i);
          assertThat(block.name).isEqualTo(whole.get(i).name);
          joined.addAll(block.samples);
        }
        assertThat(joined).as(whole.get(i).name).isEqualTo(whole.get(i).samples);
        assertThat(headers.get(i).samples).isEmpty();
      }
    }
  }

  @Test
  void aFleetRegistryGivesThePerInstanceFamiliesWithoutSamplesAndTheOthersWhole() {
    FleetRegistry registry =
        RdswatchCollectors.registry(() -> fleet, new BuildInfoCollector("1", "r"));
    List<MetricFamilySamples> page = registry.familiesWithoutBlocks();
    assertThat(page)
        .extracting(f -> f.name)
        .isSorted()
        .containsExactlyElementsOf(
            MetricsText.sortedFamilies(registry).stream().map(f -> f.name).toList());
    for (MetricFamilySamples f : page) {
      boolean perInstance =
          registry.perInstance().stream()
              .anyMatch(c -> c.describe().stream().anyMatch(h -> h.name.equals(f.name)));
      assertThat(f.samples.isEmpty()).as(f.name).isEqualTo(perInstance);
    }
  }
}
