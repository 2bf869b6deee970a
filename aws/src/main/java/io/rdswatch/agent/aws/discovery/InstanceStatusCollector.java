package io.rdswatch.agent.aws.discovery;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * rdswatch_instance_status{rds_instance,status}: 1 per discovered instance, with its RDS status.
 * Instances whose status takes no connections are not polled, so they have this series and no
 * rdswatch_up: the alerts leave them alone. Built fresh from discovery's last listing each scrape.
 */
public final class InstanceStatusCollector extends Collector implements Collector.Describable {

  static final String NAME = "rdswatch_instance_status";

  private final Supplier<List<InstanceStatus>> statuses;

  InstanceStatusCollector(Supplier<List<InstanceStatus>> statuses) {
    this.statuses = statuses;
  }

  /**
   * Without discovery the family is still declared (and empty), so rules and dashboards always find
   * it.
   */
  public static void registerEmpty(io.prometheus.client.CollectorRegistry registry) {
    registry.register(new InstanceStatusCollector(List::of));
  }

  @Override
  public List<MetricFamilySamples> collect() {
    GaugeMetricFamily f =
        new GaugeMetricFamily(
            NAME,
            "RDS status (DBInstanceStatus) of each discovered instance, always 1; instances in a status that takes no"
                + " connections (stopped, starting, rebooting, storage-full...) are not polled",
            List.of("rds_instance", "status"));
    statuses.get().stream()
        .sorted(Comparator.comparing(InstanceStatus::name))
        .forEach(s -> f.addMetric(List.of(s.name(), s.status()), 1));
    return List.of(f);
  }

  @Override
  public List<MetricFamilySamples> describe() {
    return List.of(
        new GaugeMetricFamily(
            NAME, "RDS status of each discovered instance", List.of("rds_instance", "status")));
  }
}
