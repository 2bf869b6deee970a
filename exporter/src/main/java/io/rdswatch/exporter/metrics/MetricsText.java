package io.rdswatch.exporter.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a registry as a /metrics page, for golden tests, the CLI and debugging. Families are
 * sorted by name: CollectorRegistry iterates its collectors in hash order, which would make the
 * page differ from run to run.
 */
public final class MetricsText {

  private MetricsText() {}

  /** Prometheus text format 0.0.4. */
  public static String render004(CollectorRegistry registry) {
    StringWriter out = new StringWriter();
    try {
      TextFormat.write004(out, Collections.enumeration(sortedFamilies(registry)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** OpenMetrics 1.0.0 text, ending in "# EOF". */
  public static String renderOpenMetrics(CollectorRegistry registry) {
    StringWriter out = new StringWriter();
    try {
      TextFormat.writeOpenMetrics100(out, Collections.enumeration(sortedFamilies(registry)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The registry's families sorted by name: the one order every rdswatch page uses. */
  public static List<MetricFamilySamples> sortedFamilies(CollectorRegistry registry) {
    List<MetricFamilySamples> families = Collections.list(registry.metricFamilySamples());
    families.sort(Comparator.comparing(f -> f.name));
    return families;
  }
}
