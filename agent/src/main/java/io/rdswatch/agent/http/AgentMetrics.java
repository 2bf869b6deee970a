package io.rdswatch.agent.http;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.DefaultExports;
import io.rdswatch.exporter.metrics.BuildInfoCollector;
import io.rdswatch.exporter.metrics.RdswatchCollectors;
import io.rdswatch.exporter.model.FleetSnapshot;
import java.util.function.Supplier;

/**
 * The registry behind /metrics: rdswatch's snapshot collectors, build info, and the JVM/process
 * collectors. A private registry, so two agents in one JVM (tests, the demo) never share series.
 */
public final class AgentMetrics {

  private AgentMetrics() {}

  public static CollectorRegistry registry(Supplier<FleetSnapshot> fleet) {
    CollectorRegistry registry = new CollectorRegistry(true);
    // while MetricsPageServlet assembles a page from cached pieces, these collectors give headers only
    RdswatchCollectors.register(registry, FleetPage.emptyWhileAssembling(fleet),
        BuildInfoCollector.fromResource(BuildInfoCollector.DEFAULT_RESOURCE));
    DefaultExports.register(registry);
    return registry;
  }
}
