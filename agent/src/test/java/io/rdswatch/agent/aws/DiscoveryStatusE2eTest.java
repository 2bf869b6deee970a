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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole agent, the simulator behind mssql-jdbc and DescribeDBInstances from WireMock: a stopped
 * instance is not polled and shows only its status (no rdswatch_up 0, so no InstanceDown), and is
 * polled again as soon as RDS lists it available, without a restart. Replicas, RDS Custom and the
 * Developer Edition engines are sorted out on the way.
 */
class DiscoveryStatusE2eTest {

  @TempDir Path state;

  @Test
  void aStoppedInstanceShowsItsStatusInsteadOfDownAndIsPolledAgainWhenItStarts() throws Exception {
    try (SimulatedAwsFleet fleet = new SimulatedAwsFleet();
        AgentServer agent =
            AgentServer.start(new RdswatchApplication(fleet.javaClock(), false), config(fleet))) {
      CollectorRegistry registry = agent.runtime().registry();
      agent.runtime().poller().pollOnce();
      assertThat(up(registry, "billing-prod")).isEqualTo(1);

      describe(fleet, "stopped");
      awaitPolled(agent, "orders-prod", "replica-of-orders", "sandbox");
      agent.runtime().poller().pollOnce();
      String page = MetricsText.render004(registry);
      assertThat(page)
          .doesNotContain("rdswatch_up{rds_instance=\"billing-prod\"}")
          .doesNotContain("rds_instance=\"custom-box\"");
      assertThat(status(registry, "billing-prod", "stopped")).isEqualTo(1);
      assertThat(status(registry, "sandbox", "available")).isEqualTo(1);
      assertThat(up(registry, "sandbox")).as("a Developer Edition instance is polled").isEqualTo(1);
      assertThat(up(registry, "replica-of-orders"))
          .as("included by includeReadReplicas")
          .isEqualTo(1);

      describe(fleet, "starting");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> status(registry, "billing-prod", "starting") == 1);
      agent.runtime().poller().refreshTargets();
      assertThat(names(agent)).doesNotContain("billing-prod");

      describe(fleet, "available");
      awaitPolled(agent, "billing-prod", "orders-prod", "replica-of-orders", "sandbox");
      agent.runtime().poller().pollOnce();
      assertThat(up(registry, "billing-prod")).isEqualTo(1);
      assertThat(status(registry, "billing-prod", "available")).isEqualTo(1);
      assertThat(status(registry, "billing-prod", "stopped")).as("one status at a time").isZero();
    }
  }

  /**
   * billing-prod in the given status; a replica and a Developer Edition instance on the other
   * endpoints.
   */
  private static void describe(SimulatedAwsFleet fleet, String billingStatus) {
    int orders = fleet.port("orders-prod");
    fleet.aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.page(
                    null,
                    new Db(
                            "orders-prod",
                            "sqlserver-se",
                            "127.0.0.1",
                            orders,
                            "03:00-03:30",
                            Map.of("rdswatch-secret", ARN))
                        .withReplicas("replica-of-orders"),
                    new Db(
                            "billing-prod",
                            "sqlserver-ee",
                            "127.0.0.1",
                            fleet.port("billing-prod"),
                            null,
                            Map.of())
                        .withStatus(billingStatus),
                    new Db("replica-of-orders", "sqlserver-ee", "127.0.0.1", orders, null, Map.of())
                        .replicaOf("orders-prod"),
                    new Db("sandbox", "sqlserver-dev-ee", "127.0.0.1", orders, null, Map.of()),
                    new Db(
                        "custom-box",
                        "custom-sqlserver-ee",
                        "127.0.0.1",
                        orders,
                        null,
                        Map.of()))));
  }

  private static void awaitPolled(AgentServer agent, String... names) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              agent.runtime().poller().refreshTargets();
              return names(agent).equals(List.of(names));
            });
  }

  private static List<String> names(AgentServer agent) {
    return agent.runtime().fleet().instances().stream().map(InstancePoller::name).sorted().toList();
  }

  private static double up(CollectorRegistry registry, String instance) {
    Double v =
        registry.getSampleValue(
            "rdswatch_up", new String[] {"rds_instance"}, new String[] {instance});
    return v == null ? Double.NaN : v;
  }

  private static double status(CollectorRegistry registry, String instance, String status) {
    Double v =
        registry.getSampleValue(
            "rdswatch_instance_status",
            new String[] {"rds_instance", "status"},
            new String[] {instance, status});
    return v == null ? 0 : v;
  }

  private AgentConfiguration config(SimulatedAwsFleet fleet) {
    String yaml =
        "http: { port: 0, adminPort: 0 }\npoll: { interval: 60s, timeout: 5s }\nstateDir: "
            + state
            + "\ninstances: []\n"
            + fleet
                .awsYaml()
                .replace(
                    "regions: [eu-west-1]",
                    "regions: [eu-west-1]\n    refresh: 200ms\n    includeReadReplicas: true");
    return AwsFakes.yaml(yaml, AgentConfiguration.class);
  }
}
