package io.rdswatch.exporter.metrics;

import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.DoubleBinaryOperator;

/**
 * Label values to one value, merged with a rule when several tasks share a label set (task ids are
 * never labels), and iterated in label order so the page is stable for golden files and diffs.
 */
final class SampleTable {

  private final Map<List<String>, Double> rows = new TreeMap<>(SampleTable::compare);

  /** Adds a sample, combining with an existing one of the same labels. */
  void merge(DoubleBinaryOperator combine, double value, String... labelValues) {
    rows.merge(List.of(labelValues), value, combine::applyAsDouble);
  }

  /** Sets a sample (last write wins). */
  void put(double value, String... labelValues) {
    rows.put(List.of(labelValues), value);
  }

  void forEach(BiConsumer<List<String>, Double> sink) {
    rows.forEach(sink);
  }

  GaugeMetricFamily gauge(String name, String help, List<String> labelNames) {
    GaugeMetricFamily family = new GaugeMetricFamily(name, help, labelNames);
    rows.forEach(family::addMetric);
    return family;
  }

  /** A counter family; the name ends in _total and is exposed exactly so in both formats. */
  CounterMetricFamily counter(String name, String help, List<String> labelNames) {
    CounterMetricFamily family = new CounterMetricFamily(name, help, labelNames);
    rows.forEach(family::addMetric);
    return family;
  }

  private static int compare(List<String> a, List<String> b) {
    return Arrays.compare(a.toArray(String[]::new), b.toArray(String[]::new));
  }
}
