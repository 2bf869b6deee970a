package io.rdswatch.agent.aws.discovery;

import static io.rdswatch.agent.aws.discovery.RdsXml.Db;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.aws.AwsFakes;
import io.rdswatch.agent.aws.LogCapture;
import io.rdswatch.agent.aws.secrets.SecretPasswordSource;
import io.rdswatch.agent.aws.secrets.SecretSources;
import io.rdswatch.agent.aws.secrets.SecretsJson;
import io.rdswatch.agent.aws.secrets.SecretsManagerConfig;
import io.rdswatch.agent.instance.InstanceTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where discovered instances get their login: the secretTag's secret, else credentials.default. */
class DiscoveryLoginTest {

  private static final String DEFAULT_ARN = SecretsJson.arn("eu-west-1", "rdswatch-default");
  private static final String OWN_ARN = SecretsJson.arn("eu-west-1", "orders-login");

  private WireMockServer aws;
  private SecretSources secrets;
  private DiscoveryService discovery;
  private final CollectorRegistry registry = new CollectorRegistry();

  @BeforeEach
  void start() {
    aws = AwsFakes.wireMock();
    secrets =
        SecretSources.create(
            AwsFakes.factory(),
            AwsFakes.yaml("endpoint: " + aws.baseUrl(), SecretsManagerConfig.class));
    aws.stubFor(
        SecretsJson.getSecretValue(DEFAULT_ARN)
            .willReturn(SecretsJson.secret(DEFAULT_ARN, "from-default-secret", "pw-d")));
    aws.stubFor(
        SecretsJson.getSecretValue(OWN_ARN)
            .willReturn(SecretsJson.secret(OWN_ARN, "orders_monitor", "pw-o")));
    discovery =
        DiscoveryService.create(
            AwsFakes.yaml(
                """
        regions: [eu-west-1]
        endpoint: %s
        credentials: { secretTag: rdswatch-secret, default: { passwordSecretArn: "%s" } }
        """
                    .formatted(aws.baseUrl(), DEFAULT_ARN),
                AwsDiscoveryConfig.class),
            AwsFakes.factory(),
            secrets,
            registry);
  }

  @AfterEach
  void stop() {
    discovery.close();
    secrets.close();
    aws.stop();
  }

  @Test
  void aSecretTagOverridesTheDefaultLoginAndIsNotALabel() throws Exception {
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.page(
                    null,
                    Db.sqlServer(
                        "orders", 1433, Map.of("rdswatch-secret", OWN_ARN, "team", "payments")),
                    Db.sqlServer("billing", 1433, Map.of()))));

    List<InstanceTarget> found = discovery.refreshNow();

    InstanceTarget orders = found.get(0);
    assertThat(orders.username()).isEqualTo("orders_monitor");
    assertThat(orders.password().password()).isEqualTo("pw-o");
    assertThat(((SecretPasswordSource) orders.password()).arn()).isEqualTo(OWN_ARN);
    assertThat(orders.labels()).containsOnlyKeys("tag_team");
    InstanceTarget billing = found.get(1);
    assertThat(billing.username())
        .as("no username configured: the secret's")
        .isEqualTo("from-default-secret");
    assertThat(billing.password().password()).isEqualTo("pw-d");
  }

  @Test
  void drillLoginsComeFromTheDrillSecretTagElseCredentialsDrillAndAreNotLabels() throws Exception {
    String drillArn = SecretsJson.arn("eu-west-1", "orders-drill");
    aws.stubFor(
        SecretsJson.getSecretValue(drillArn)
            .willReturn(SecretsJson.secret(drillArn, "orders_drill", "pw-x")));
    discovery.close();
    discovery =
        DiscoveryService.create(
            AwsFakes.yaml(
                """
        regions: [eu-west-1]
        endpoint: %s
        credentials:
          secretTag: rdswatch-secret
          default: { passwordSecretArn: "%s" }
          drillSecretTag: rdswatch-drill-secret
          drill: { username: fleet_drill, password: pw-fleet }
        """
                    .formatted(aws.baseUrl(), DEFAULT_ARN),
                AwsDiscoveryConfig.class),
            AwsFakes.factory(),
            secrets,
            new CollectorRegistry());
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.page(
                    null,
                    Db.sqlServer(
                        "orders",
                        1433,
                        Map.of("rdswatch-drill-secret", drillArn, "team", "payments")),
                    Db.sqlServer("billing", 1433, Map.of()))));

    List<InstanceTarget> found = discovery.refreshNow();

    InstanceTarget orders = found.get(0);
    assertThat(orders.username()).as("monitoring login unchanged").isEqualTo("from-default-secret");
    assertThat(orders.drillLogin().username()).isEqualTo("orders_drill");
    assertThat(orders.forDrill().password().password()).isEqualTo("pw-x");
    assertThat(orders.labels()).containsOnlyKeys("tag_team");
    assertThat(found.get(1).drillLogin().username()).isEqualTo("fleet_drill");
    assertThat(found.get(1).forDrill().password().password()).isEqualTo("pw-fleet");
    assertThat(discovery.refreshNow()).as("equal targets on every refresh").isEqualTo(found);
  }

  @Test
  void withoutDrillCredentialsDrillsUseTheMonitoringLogin() {
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(RdsXml.page(null, Db.sqlServer("billing", 1433, Map.of()))));

    InstanceTarget billing = discovery.refreshNow().get(0);

    assertThat(billing.drillLogin()).isNull();
    assertThat(billing.forDrill()).isSameAs(billing);
  }

  @Test
  void anInstanceWhoseSecretCannotBeReadIsSkippedCountedAndLoggedWithoutTheTagValue() {
    String notAnArn = "Sup3r-S3cret-pasted-by-mistake";
    String missing = SecretsJson.arn("eu-west-1", "gone");
    aws.stubFor(
        SecretsJson.getSecretValue(missing)
            .willReturn(SecretsJson.error(400, "ResourceNotFoundException", "can't find it")));
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.page(
                    null,
                    Db.sqlServer("typo", 1433, Map.of("rdswatch-secret", notAnArn)),
                    Db.sqlServer("deleted-secret", 1433, Map.of("rdswatch-secret", missing)),
                    Db.sqlServer("fine", 1433, Map.of()))));

    List<String> lines;
    List<InstanceTarget> found;
    try (LogCapture logs = new LogCapture()) {
      found = discovery.refreshNow();
      lines = logs.lines();
    }

    assertThat(found).extracting(InstanceTarget::name).containsExactly("fine");
    assertThat(
            registry.getSampleValue(
                "rdswatch_discovery_errors_total",
                new String[] {"region"},
                new String[] {"eu-west-1"}))
        .isEqualTo(2);
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("typo: tag 'rdswatch-secret' is not a secret ARN (value not shown)"));
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).contains(missing).contains("ResourceNotFoundException"));
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain(notAnArn));
  }

  @Test
  void aSecretThatFailsLaterKeepsTheInstancesPreviousTarget() {
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.page(
                    null, Db.sqlServer("orders", 1433, Map.of("rdswatch-secret", OWN_ARN)))));
    List<InstanceTarget> first = discovery.refreshNow();

    aws.stubFor(
        SecretsJson.getSecretValue(OWN_ARN)
            .willReturn(SecretsJson.error(500, "InternalServiceError", "oops")));
    first.get(0).password().invalidate();

    assertThat(discovery.refreshNow()).isEqualTo(first);
  }
}
