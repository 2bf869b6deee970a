package io.rdswatch.agent.aws;

import static io.rdswatch.agent.aws.SimulatedAwsFleet.ARN;
import static io.rdswatch.agent.aws.SimulatedAwsFleet.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchCbor;
import io.rdswatch.agent.aws.secrets.SecretsJson;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.feature.ConfigException;
import io.rdswatch.agent.instance.InstanceConfig;
import io.rdswatch.simulator.rds.Login;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole agent with AWS: discovery (WireMock RDS) finds instances that are simulator ports, one
 * logging in with a Secrets Manager secret (WireMock), the agent polls them with real mssql-jdbc,
 * and publishes to WireMock CloudWatch.
 */
class AwsEndToEndTest {

  private static final String ROTATED = "R0tated-Pa55-8086";

  @TempDir Path state;
  private SimulatedAwsFleet fleet;
  private AgentServer agent;

  @BeforeEach
  void start() throws Exception {
    fleet = new SimulatedAwsFleet();
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    fleet.close();
  }

  /** Bound directly, not through ConfigLoader, so CloudWatch may publish every 300ms. */
  private AgentConfiguration config() {
    String yaml =
        "http: { port: 0, adminPort: 0 }\npoll: { interval: 60s, timeout: 5s }\n"
            + "stateDir: "
            + state
            + "\ninstances: []\n"
            + fleet
                .awsYaml()
                .replace(
                    "cloudwatch: { enabled: true,",
                    "cloudwatch: { enabled: true, interval: 300ms,");
    return AwsFakes.yaml(yaml, AgentConfiguration.class);
  }

  private static double up(CollectorRegistry registry, String instance) {
    Double v =
        registry.getSampleValue(
            "rdswatch_up", new String[] {"rds_instance"}, new String[] {instance});
    return v == null ? Double.NaN : v;
  }

  @Test
  void discoversPollsAndPublishesAndFollowsASecretRotation() throws Exception {
    agent = AgentServer.start(new RdswatchApplication(fleet.javaClock(), false), config());
    CollectorRegistry registry = agent.runtime().registry();
    try (LogCapture logs = new LogCapture()) {
      agent.runtime().poller().pollOnce();

      assertThat(up(registry, "orders-prod")).isEqualTo(1);
      assertThat(up(registry, "billing-prod")).isEqualTo(1);
      assertThat(
              registry.getSampleValue(
                  "rdswatch_discovery_instances",
                  new String[] {"region"},
                  new String[] {"eu-west-1"}))
          .isEqualTo(2);
      assertThat(
              registry.getSampleValue(
                  "rdswatch_instance_info",
                  new String[] {"rds_instance", "host", "tag_team"},
                  new String[] {"orders-prod", "127.0.0.1", "payments"}))
          .isEqualTo(1);
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(instanceUp())
                      .containsEntry("orders-prod", 1.0)
                      .containsEntry("billing-prod", 1.0));

      // RDS rotates the orders secret: the database and the secret change together. Open sessions
      // survive a password change, so drop them to make the agent log in again.
      fleet.sim.instance("orders-prod").rds().addLogin(Login.master("admin", ROTATED));
      fleet.aws.stubFor(
          SecretsJson.getSecretValue(ARN).willReturn(SecretsJson.secret(ARN, "admin", ROTATED)));
      fleet.sim.instance("orders-prod").faults().down(true);
      fleet.sim.instance("orders-prod").faults().down(false);
      agent.runtime().poller().pollOnce();
      assertThat(up(registry, "orders-prod")).as("the dropped session fails a poll").isZero();
      for (int poll = 0; poll < 3 && up(registry, "orders-prod") != 1; poll++) {
        agent.runtime().poller().pollOnce();
      }
      assertThat(up(registry, "orders-prod")).as("back up with the refetched secret").isEqualTo(1);
      assertThat(
              registry.getSampleValue(
                  "rdswatch_poll_errors_total",
                  new String[] {"rds_instance", "kind"},
                  new String[] {"orders-prod", "login"}))
          .as("the cached password failed once")
          .isEqualTo(1);
      fleet.aws.verify(2, SecretsJson.getSecretValueRequested(ARN));

      String api =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(agent.applicationUri() + "/api/instances"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(api).contains("orders-prod").doesNotContain(PASSWORD).doesNotContain(ROTATED);
      assertThat(logs.lines())
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l).doesNotContain(PASSWORD).doesNotContain(ROTATED));
    }
  }

  @Test
  void aDiscoveredInstanceNamedLikeAStaticOneStopsTheStartWithAConfigError() {
    AgentConfiguration config =
        config()
            .withInstances(
                List.of(
                    new InstanceConfig(
                        "billing-prod",
                        "127.0.0.1",
                        fleet.port("billing-prod"),
                        "admin",
                        PASSWORD,
                        Map.of("encrypt", "false"))));

    assertThatThrownBy(
            () ->
                agent =
                    AgentServer.start(new RdswatchApplication(fleet.javaClock(), false), config))
        .isInstanceOf(ConfigException.class)
        .hasStackTraceContaining(
            "discovery: instance 'billing-prod' from aws:eu-west-1 has the same name as a static"
                + " instance (rds_instance must be unique)");
  }

  /** The latest InstanceUp per DBInstanceIdentifier CloudWatch received. */
  private Map<String, Double> instanceUp() {
    Map<String, Double> latest = new HashMap<>();
    for (JsonNode d : CloudWatchCbor.datums(fleet.aws)) {
      if (d.get("MetricName").asText().equals("InstanceUp")) {
        latest.put(d.get("Dimensions").get(0).get("Value").asText(), d.get("Value").asDouble());
      }
    }
    return latest;
  }
}
