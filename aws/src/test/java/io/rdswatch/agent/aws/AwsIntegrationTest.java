package io.rdswatch.agent.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchCbor;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchConfig;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchPublisherTest;
import io.rdswatch.agent.aws.discovery.DiscoveryConfig;
import io.rdswatch.agent.aws.discovery.RdsXml;
import io.rdswatch.agent.aws.secrets.SecretsManagerConfig;
import io.rdswatch.agent.feature.ConfigException;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.exporter.model.FleetSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AwsIntegrationTest {

  private final WireMockServer aws = AwsFakes.wireMock();
  private final CollectorRegistry registry = new CollectorRegistry();

  @AfterEach
  void stop() {
    aws.stop();
  }

  private AwsIntegration integration(String cloudWatchYaml, String discoveryYaml) {
    return new AwsIntegration(
        AwsFakes.yaml(cloudWatchYaml, CloudWatchConfig.class),
        AwsFakes.yaml(discoveryYaml, DiscoveryConfig.class),
        AwsFakes.yaml("endpoint: " + aws.baseUrl(), SecretsManagerConfig.class),
        AwsFakes.factory(),
        registry);
  }

  private String discoveryYaml() {
    return "aws: { regions: [eu-west-1], endpoint: '"
        + aws.baseUrl()
        + "',"
        + " credentials: { default: { username: u, password: p } } }";
  }

  @Test
  void aDiscoveredNameThatClashesWithAStaticInstanceStopsTheStart() {
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(RdsXml.page(null, RdsXml.Db.sqlServer("orders-prod", 1433, Map.of()))));
    AwsIntegration integration = integration("{}", discoveryYaml());
    var statics =
        List.of(
            new InstanceTarget(
                "orders-prod",
                "h",
                1433,
                "u",
                PasswordSource.literal("p"),
                Map.of(),
                Map.of(),
                null,
                "static"));
    integration.instanceSource(statics);

    assertThatThrownBy(integration::start)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        "discovery: instance 'orders-prod' from aws:eu-west-1 has the same name as a static instance"
                            + " (rds_instance must be unique); skipped"));
    integration.stop();
  }

  @Test
  void startedItDiscoversBeforeReturningAndPublishesEveryInterval() throws Exception {
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(RdsXml.page(null, RdsXml.Db.sqlServer("billing", 1433, Map.of()))));
    aws.stubFor(CloudWatchCbor.put().willReturn(CloudWatchCbor.ok()));
    // 200ms is below the configured minimum, which only the config validator enforces.
    AwsIntegration integration =
        integration(
            "{enabled: true, region: eu-west-1, interval: 200ms, endpoint: '"
                + aws.baseUrl()
                + "'}",
            discoveryYaml());
    var source = integration.instanceSource(List.of());
    integration.publishFrom(
        () ->
            new FleetSnapshot(List.of(CloudWatchPublisherTest.instance("billing")), Instant.now()),
        List::of);

    integration.start();
    try {
      assertThat(source.targets()).extracting(InstanceTarget::name).containsExactly("billing");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  registry.getSampleValue(
                          "rdswatch_cloudwatch_requests_total",
                          new String[] {"result"},
                          new String[] {"success"})
                      >= 1);
    } finally {
      integration.stop();
    }
  }
}
