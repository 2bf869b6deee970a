package io.rdswatch.agent.aws.discovery;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import java.util.List;

/** rdswatch_discovery_instances{region} and rdswatch_discovery_errors_total{region}. */
final class DiscoveryMetrics {

  private final Gauge instances =
      Gauge.build()
          .name("rdswatch_discovery_instances")
          .help(
              "SQL Server instances the last good discovery found in the region, after tag filters")
          .labelNames("region")
          .create();
  private final Counter errors =
      Counter.build()
          .name("rdswatch_discovery_errors_total")
          .help("Failed region listings and discovered instances skipped for want of a login")
          .labelNames("region")
          .create();

  DiscoveryMetrics(CollectorRegistry registry, List<String> regions) {
    // Every configured region shows 0 from the start, so rate() and absence alerts work.
    regions.forEach(
        r -> {
          instances.labels(r);
          errors.labels(r);
        });
    registry.register(instances);
    registry.register(errors);
  }

  void found(String region, int count) {
    instances.labels(region).set(count);
  }

  void error(String region) {
    errors.labels(region).inc();
  }
}
