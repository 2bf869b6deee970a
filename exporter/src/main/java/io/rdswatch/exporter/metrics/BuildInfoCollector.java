package io.rdswatch.exporter.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/** rdswatch_build_info{version,revision} 1; a process-wide series, so it has no rds_instance. */
public final class BuildInfoCollector extends Collector implements Collector.Describable {

  /** The agent's Maven-filtered resource with version= and revision=. */
  public static final String DEFAULT_RESOURCE = "/rdswatch-build.properties";

  private static final String UNKNOWN = "unknown";

  private final String version;
  private final String revision;

  public BuildInfoCollector(String version, String revision) {
    this.version = clean(version);
    this.revision = clean(revision);
  }

  /** Reads version and revision from a classpath resource; "unknown" for whatever is missing. */
  public static BuildInfoCollector fromResource(String resource) {
    Properties props = new Properties();
    try (InputStream in = BuildInfoCollector.class.getResourceAsStream(resource)) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read build info " + resource, e);
    }
    return new BuildInfoCollector(props.getProperty("version"), props.getProperty("revision"));
  }

  public String version() {
    return version;
  }

  public String revision() {
    return revision;
  }

  @Override
  public List<MetricFamilySamples> collect() {
    GaugeMetricFamily info =
        new GaugeMetricFamily(
            "rdswatch_build_info",
            "Always 1; the rdswatch version and the source revision it was built from.",
            List.of("version", "revision"));
    info.addMetric(List.of(version, revision), 1);
    return List.of(info);
  }

  @Override
  public List<MetricFamilySamples> describe() {
    return collect();
  }

  /** An unfiltered "${...}" placeholder (e.g. running from an IDE) is as good as unknown. */
  private static String clean(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value.trim();
  }
}
