package io.rdswatch.exporter.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.rdswatch.exporter.model.DurationHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a histogram family from stored {@link DurationHistogram}s (simpleclient 0.16 has no
 * HistogramMetricFamily). Series are emitted in label order for a stable page.
 */
final class HistogramFamily {

  private final String name;
  private final String help;
  private final List<String> labelNames;
  private final Map<String, Entry> series = new TreeMap<>();

  private record Entry(List<String> labelValues, DurationHistogram histogram) {}

  HistogramFamily(String name, String help, List<String> labelNames) {
    this.name = name;
    this.help = help;
    this.labelNames = List.copyOf(labelNames);
  }

  void add(DurationHistogram histogram, String... labelValues) {
    series.put(String.join("\u0000", labelValues), new Entry(List.of(labelValues), histogram));
  }

  MetricFamilySamples build() {
    List<String> bucketLabels = new ArrayList<>(labelNames);
    bucketLabels.add("le");
    List<Sample> samples = new ArrayList<>();
    for (Entry entry : series.values()) {
      long[] counts = entry.histogram().bucketCounts();
      long cumulative = 0;
      for (int i = 0; i < counts.length; i++) {
        cumulative += counts[i];
        String le =
            i < DurationHistogram.UPPER_BOUNDS.length
                ? Collector.doubleToGoString(DurationHistogram.UPPER_BOUNDS[i])
                : "+Inf";
        List<String> values = new ArrayList<>(entry.labelValues());
        values.add(le);
        samples.add(new Sample(name + "_bucket", bucketLabels, values, cumulative));
      }
      // _count is the +Inf bucket by definition; taking it from there keeps the family consistent
      samples.add(new Sample(name + "_count", labelNames, entry.labelValues(), cumulative));
      samples.add(
          new Sample(name + "_sum", labelNames, entry.labelValues(), entry.histogram().sum()));
    }
    return new MetricFamilySamples(name, Collector.Type.HISTOGRAM, help, samples);
  }
}
