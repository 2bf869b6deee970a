package io.rdswatch.agent.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchCbor;
import io.rdswatch.agent.aws.discovery.RdsXml;
import io.rdswatch.agent.aws.discovery.RdsXml.Db;
import io.rdswatch.agent.aws.secrets.SecretsJson;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.clock.SimulatedTime;
import io.rdswatch.simulator.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Two simulated SQL Server instances, and a WireMock AWS in which eu-west-1 lists them (plus a
 * PostgreSQL instance to skip): orders-prod logs in with its tagged Secrets Manager secret,
 * billing-prod with the discovery default. CloudWatch accepts everything. The SDK's default
 * credential chain finds fake keys in system properties, as it would find real ones in production.
 * The instances speak TLS, and discovery's own {@code tls} trusts their CA.
 */
final class SimulatedAwsFleet implements AutoCloseable {

  static final String PASSWORD = "Adm1n-Pa55-5150";
  static final String ARN = SecretsJson.arn("eu-west-1", "orders-login");
  private static final String SCENARIO =
      """
      seed: 3
      history: 1d
      instances:
        - name: orders-prod
          region: eu-west-1
          timezone: %1$s
          databases: [{name: Orders, size_mb: 100}]
          buckets: [{name: b, region: eu-west-1}]
          schedule: [{type: FULL, every: 6h, at: "00:00", bucket: b}]
        - name: billing-prod
          region: eu-west-1
          timezone: %1$s
          databases: [{name: Billing, size_mb: 100}]
          buckets: [{name: b, region: eu-west-1}]
          schedule: [{type: FULL, every: 6h, at: "00:00", bucket: b}]
      """;

  final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T12:00:00Z"));
  final WireMockServer aws = AwsFakes.wireMock();
  final Simulator sim;

  SimulatedAwsFleet() throws IOException {
    this("UTC");
  }

  /**
   * @param timezone both servers' time zone, as RDS names it
   */
  SimulatedAwsFleet(String timezone) throws IOException {
    AwsFakes.setSystemCredentials();
    sim =
        Simulator.start(
            Scenario.parse(SCENARIO.formatted(timezone)),
            SimulatorOptions.forTests(clock)
                .withLogin("admin", PASSWORD)
                .withTlsDir(Files.createTempDirectory("rdswatch-aws-tls")));
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.page(
                    null,
                    new Db(
                        "orders-prod",
                        "sqlserver-se",
                        "127.0.0.1",
                        port("orders-prod"),
                        "03:00-03:30",
                        Map.of("rdswatch-secret", ARN, "team", "payments")),
                    new Db(
                        "billing-prod",
                        "sqlserver-ee",
                        "127.0.0.1",
                        port("billing-prod"),
                        null,
                        Map.of()),
                    new Db("analytics", "postgres", "127.0.0.1", 5432, null, Map.of()))));
    aws.stubFor(
        SecretsJson.getSecretValue(ARN).willReturn(SecretsJson.secret(ARN, "admin", PASSWORD)));
    aws.stubFor(CloudWatchCbor.put().willReturn(CloudWatchCbor.ok()));
  }

  int port(String instance) {
    return sim.instance(instance).port();
  }

  /** The config sections that point rdswatch at this fake AWS. */
  String awsYaml() {
    return """
        cloudwatch: { enabled: true, region: eu-west-1, endpoint: "%1$s" }
        discovery:
          aws:
            regions: [eu-west-1]
            endpoint: "%1$s"
            tls: { trustStore: "%3$s", trustStorePasswordFile: "%4$s" }
            credentials: { secretTag: rdswatch-secret, default: { username: admin, password: "%2$s" } }
        secretsManager: { endpoint: "%1$s" }
        """
        .formatted(
            aws.baseUrl(),
            PASSWORD,
            sim.trustFiles().trustStore(),
            sim.trustFiles().passwordFile());
  }

  /** The agent reads the simulator's time, so task ages agree with the task table. */
  Clock javaClock() {
    return new SimulatedTime(clock);
  }

  @Override
  public void close() {
    sim.close();
    aws.stop();
    AwsFakes.clearSystemCredentials();
  }
}
