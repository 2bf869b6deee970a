package io.rdswatch.agent.poll;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.util.Comparator;
import java.util.List;

/**
 * rdswatch_server_timezone_mismatch{rds_instance}: 1 while the offset an instance's server reports
 * disagrees with the RDS time zone discovery read for it, else 0 (README, "Time zones"). Only
 * instances whose RDS time zone is known (discovered ones) have a series: one per instance.
 */
public final class TimeZoneMismatchCollector extends Collector implements Collector.Describable {

  static final String NAME = "rdswatch_server_timezone_mismatch";
  private static final String HELP =
      "1 while the server's UTC offset (SYSDATETIMEOFFSET) disagrees with the"
          + " instance's RDS Timezone; server times are converted with the server's own offset";

  private final FleetState fleet;

  public TimeZoneMismatchCollector(FleetState fleet) {
    this.fleet = fleet;
  }

  @Override
  public List<MetricFamilySamples> collect() {
    GaugeMetricFamily f = new GaugeMetricFamily(NAME, HELP, List.of("rds_instance"));
    fleet.instances().stream()
        .filter(p -> p.target().timezone() != null)
        .sorted(Comparator.comparing(InstancePoller::name))
        .forEach(p -> f.addMetric(List.of(p.name()), p.timezoneMismatch() ? 1 : 0));
    return List.of(f);
  }

  @Override
  public List<MetricFamilySamples> describe() {
    return List.of(new GaugeMetricFamily(NAME, HELP, List.of("rds_instance")));
  }
}
