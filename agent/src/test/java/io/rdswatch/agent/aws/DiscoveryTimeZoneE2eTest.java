package io.rdswatch.agent.aws;

import static io.rdswatch.agent.aws.SimulatedAwsFleet.ARN;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.aws.discovery.RdsXml;
import io.rdswatch.agent.aws.discovery.RdsXml.Db;
import io.rdswatch.agent.config.AgentConfiguration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery's Timezone (DescribeDBInstances, from WireMock) cross-checks the offset each server
 * reports through mssql-jdbc (the simulator): both instances run in Tokyo. RDS describes
 * orders-prod in Tokyo, which agrees; it leaves Timezone out for billing-prod, which means UTC and
 * disagrees with the +09:00 the server reports, so the agent warns, naming the instance and both
 * values, and sets rdswatch_server_timezone_mismatch. The server's own offset still converts its
 * times.
 */
class DiscoveryTimeZoneE2eTest {

  @TempDir Path state;

  @Test
  void aServerOffsetThatDisagreesWithRdsTimezoneIsReported() throws Exception {
    try (SimulatedAwsFleet fleet = new SimulatedAwsFleet("Tokyo Standard Time")) {
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
                              Map.of("rdswatch-secret", ARN))
                          .withTimezone("Tokyo Standard Time"),
                      new Db(
                          "billing-prod",
                          "sqlserver-ee",
                          "127.0.0.1",
                          fleet.port("billing-prod"),
                          null,
                          Map.of()))));
      try (AgentServer agent =
              AgentServer.start(new RdswatchApplication(fleet.javaClock(), false), config(fleet));
          LogCapture logs = new LogCapture()) {
        CollectorRegistry registry = agent.runtime().registry();
        agent.runtime().poller().pollOnce();
        agent.runtime().poller().pollOnce();

        assertThat(mismatch(registry, "orders-prod")).isEqualTo(0.0);
        assertThat(mismatch(registry, "billing-prod")).isEqualTo(1.0);
        assertThat(logs.lines())
            .filteredOn(l -> l.startsWith("WARN") && l.contains("RDS describes its time zone"))
            .as("one warning, when the disagreement is first seen")
            .singleElement()
            .satisfies(
                l ->
                    assertThat(l)
                        .contains("billing-prod")
                        .contains("+09:00")
                        .contains("'UTC'")
                        .contains("+00:00"));
        assertThat(logs.lines())
            .noneMatch(l -> l.contains("orders-prod") && l.contains("time zone"));
        assertThat(
                registry.getSampleValue(
                    "rdswatch_up", new String[] {"rds_instance"}, new String[] {"billing-prod"}))
            .as("still polled, with the server's own offset")
            .isEqualTo(1.0);
      }
    }
  }

  private static Double mismatch(CollectorRegistry registry, String instance) {
    return registry.getSampleValue(
        "rdswatch_server_timezone_mismatch",
        new String[] {"rds_instance"},
        new String[] {instance});
  }

  private AgentConfiguration config(SimulatedAwsFleet fleet) {
    String yaml =
        "http: { port: 0, adminPort: 0 }\npoll: { interval: 60s, timeout: 5s }\nstateDir: "
            + state
            + "\ninstances: []\n"
            + fleet.awsYaml();
    return AwsFakes.yaml(yaml, AgentConfiguration.class);
  }
}
