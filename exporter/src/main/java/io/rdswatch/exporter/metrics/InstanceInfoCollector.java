package io.rdswatch.exporter.metrics;

import static io.rdswatch.exporter.metrics.Labels.RDS_INSTANCE;

import io.prometheus.client.GaugeMetricFamily;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * rdswatch_instance_info: host plus the configured or discovered labels, always 1. Instances may
 * carry different label names; the family uses their union and fills a missing one with "", which
 * Prometheus treats as absent, so every sample of the family has the same label names.
 */
public final class InstanceInfoCollector extends SnapshotCollector {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> RESERVED = Set.of(RDS_INSTANCE, "host", "instance", "job", "le");

  public InstanceInfoCollector(Supplier<FleetSnapshot> fleet) {
    super(fleet);
  }

  @Override
  protected List<MetricFamilySamples> families(FleetSnapshot snapshot) {
    TreeSet<String> extra = new TreeSet<>();
    for (InstanceSnapshot instance : snapshot.instances()) {
      instance.labels().keySet().stream()
          .filter(InstanceInfoCollector::isUsableLabel)
          .forEach(extra::add);
    }
    List<String> names = new ArrayList<>(List.of(RDS_INSTANCE, "host"));
    names.addAll(extra);
    GaugeMetricFamily info =
        new GaugeMetricFamily(
            "rdswatch_instance_info",
            "Always 1; carries the instance's host and its configured or discovered labels.",
            names);
    for (InstanceSnapshot instance : snapshot.instances()) {
      List<String> values = new ArrayList<>(List.of(instance.name(), nullToEmpty(instance.host())));
      for (String label : extra) {
        values.add(nullToEmpty(instance.labels().get(label)));
      }
      info.addMetric(values, 1);
    }
    return List.of(info);
  }

  /**
   * Config validation and discovery sanitise label names; this guard only keeps a bad one from
   * breaking the whole page (an invalid or duplicate name would fail every scrape).
   */
  /**
   * Whether a configured or discovered label name can go on the info metric: valid, not reserved by
   * Prometheus ("__*", le) and not one rdswatch or the scrape sets itself. Config validation uses
   * it too.
   */
  public static boolean isUsableLabel(String label) {
    return LABEL_NAME.matcher(label).matches()
        && !label.startsWith("__")
        && !RESERVED.contains(label);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
