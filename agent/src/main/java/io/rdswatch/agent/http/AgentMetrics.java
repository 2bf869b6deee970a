package io.rdswatch.agent.http;

import io.prometheus.client.hotspot.DefaultExports;
import io.rdswatch.exporter.metrics.BuildInfoCollector;
import io.rdswatch.exporter.metrics.FleetRegistry;
import io.rdswatch.exporter.metrics.RdswatchCollectors;
import io.rdswatch.exporter.model.FleetSnapshot;
import java.util.function.Supplier;

/**
 * The registry behind /metrics: rdswatch's snapshot collectors, build info, and the JVM/process
 * collectors. A private registry, so two agents in one JVM (tests, the demo) never share series.
 */
public final class AgentMetrics {

  private AgentMetrics() {}

  public static FleetRegistry registry(Supplier<FleetSnapshot> fleet) {
    FleetRegistry registry =
        RdswatchCollectors.registry(
            fleet, BuildInfoCollector.fromResource(BuildInfoCollector.DEFAULT_RESOURCE));
    DefaultExports.register(registry);
    return registry;
  }
}
