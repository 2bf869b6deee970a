package io.rdswatch.agent.aws;

import static io.rdswatch.agent.aws.SimulatedAwsFleet.ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.aws.discovery.RdsXml;
import io.rdswatch.agent.aws.discovery.RdsXml.Db;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.poll.InstancePoller;
import io.rdswatch.exporter.metrics.MetricsText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole agent following discovery: an instance that vanishes from DescribeDBInstances stops
 * being polled and its series leave /metrics; a new one starts; a failed refresh changes nothing.
 */
class DiscoveryRefreshE2eTest {

  @TempDir Path state;

  @Test
  void vanishedInstancesStopAndLeaveMetricsNewOnesStartAndFailuresKeepTheList() throws Exception {
    try (SimulatedAwsFleet fleet = new SimulatedAwsFleet();
        AgentServer agent =
            AgentServer.start(new RdswatchApplication(fleet.javaClock(), false), config(fleet))) {
      CollectorRegistry registry = agent.runtime().registry();
      agent.runtime().poller().pollOnce();
      assertThat(up(registry, "billing-prod")).isEqualTo(1);

      // billing-prod is deleted; orders-dr appears (another endpoint of a simulated instance)
      fleet.aws.stubFor(
          RdsXml.describe("eu-west-1", null)
              .willReturn(
                  RdsXml.page(
                      null,
                      new Db(
                          "orders-prod",
                          "sqlserver-se",
                          "127.0.0.1",
                          fleet.port("orders-prod"),
                          "03:00-03:30",
                          Map.of("rdswatch-secret", ARN, "team", "payments")),
                      new Db(
                          "orders-dr",
                          "sqlserver-se",
                          "127.0.0.1",
                          fleet.port("billing-prod"),
                          null,
                          Map.of("team", "dr")))));
      awaitPolled(agent, "orders-dr", "orders-prod");
      agent.runtime().poller().pollOnce();

      String page = MetricsText.render004(registry);
      assertThat(page).doesNotContain("rds_instance=\"billing-prod\"");
      assertThat(up(registry, "orders-dr")).isEqualTo(1);
      assertThat(
              registry.getSampleValue(
                  "rdswatch_instance_info",
                  new String[] {"rds_instance", "host", "tag_team"},
                  new String[] {"orders-dr", "127.0.0.1", "dr"}))
          .isEqualTo(1);

      // RDS fails: the agent keeps polling what it had
      fleet.aws.stubFor(
          RdsXml.describe("eu-west-1", null)
              .willReturn(RdsXml.error(503, "ServiceUnavailable", "down")));
      await().atMost(Duration.ofSeconds(20)).until(() -> errors(registry) >= 1);
      agent.runtime().poller().refreshTargets();
      agent.runtime().poller().pollOnce();
      assertThat(names(agent)).containsExactly("orders-dr", "orders-prod");
      assertThat(up(registry, "orders-prod")).isEqualTo(1);
    }
  }

  /** Discovery refreshes on its own schedule; the poller picks its list up on its next refresh. */
  private static void awaitPolled(AgentServer agent, String... names) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              agent.runtime().poller().refreshTargets();
              return names(agent).equals(java.util.List.of(names));
            });
  }

  private static java.util.List<String> names(AgentServer agent) {
    return agent.runtime().fleet().instances().stream().map(InstancePoller::name).sorted().toList();
  }

  private static double up(CollectorRegistry registry, String instance) {
    Double v =
        registry.getSampleValue(
            "rdswatch_up", new String[] {"rds_instance"}, new String[] {instance});
    return v == null ? Double.NaN : v;
  }

  private static double errors(CollectorRegistry registry) {
    Double v =
        registry.getSampleValue(
            "rdswatch_discovery_errors_total", new String[] {"region"}, new String[] {"eu-west-1"});
    return v == null ? 0 : v;
  }

  /** Bound directly, not through ConfigLoader, so discovery may refresh every 200ms. */
  private AgentConfiguration config(SimulatedAwsFleet fleet) {
    String yaml =
        "http: { port: 0, adminPort: 0 }\npoll: { interval: 60s, timeout: 5s }\nstateDir: "
            + state
            + "\ninstances: []\n"
            + fleet
                .awsYaml()
                .replace("regions: [eu-west-1]", "regions: [eu-west-1]\n    refresh: 200ms");
    return AwsFakes.yaml(yaml, AgentConfiguration.class);
  }
}
