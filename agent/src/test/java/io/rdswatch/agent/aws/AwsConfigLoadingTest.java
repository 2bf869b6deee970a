package io.rdswatch.agent.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.aws.secrets.SecretPasswordSource;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.feature.ConfigException;
import io.rdswatch.agent.instance.StaticInstanceSource;
import io.rdswatch.exporter.cloudwatch.CloudWatchMetric;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS sections as part of the agent's config file, through the agent's own loader. */
class AwsConfigLoadingTest {

  private static final String ARN =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-AbCdEf";

  @TempDir Path dir;

  private AgentConfiguration load(String yaml) throws Exception {
    Path file = dir.resolve("rdswatch.yml");
    Files.writeString(file, "stateDir: " + dir.resolve("state") + "\n" + yaml);
    return ConfigLoader.load(file);
  }

  @Test
  void discoveryAloneIsAValidConfigAndStaticSecretsBecomeSecretSources() throws Exception {
    AgentConfiguration config =
        load(
            """
        instances:
          - { name: orders, host: h, username: rdswatch, passwordSecretArn: "%s" }
        cloudwatch: { enabled: true, region: eu-west-1, metrics: [InstanceUp, TaskFailures] }
        discovery:
          aws:
            regions: [eu-west-1]
            credentials: { default: { username: rdswatch, passwordSecretArn: "%s" } }
        """
                .formatted(ARN, ARN));

    assertThat(config.getCloudwatch().metricSet())
        .containsExactlyInAnyOrder(CloudWatchMetric.INSTANCE_UP, CloudWatchMetric.TASK_FAILURES);
    assertThat(config.getDiscovery().getAws().getRegions()).containsExactly("eu-west-1");
    try (AwsIntegration aws =
        new AwsIntegration(
            config.getCloudwatch(),
            config.getDiscovery(),
            config.getSecretsManager(),
            AwsFakes.factory(),
            new CollectorRegistry())) {
      var target = new StaticInstanceSource(config.getInstances(), aws.secrets()).targets().get(0);
      assertThat(target.password()).isInstanceOf(SecretPasswordSource.class);
      assertThat(((SecretPasswordSource) target.password()).arn()).isEqualTo(ARN);
    }
    assertThat(
            load("discovery:\n  aws:\n    regions: [us-east-1]\n    credentials: { default: { username: u, password: p } }\n")
                .getInstances())
        .isEmpty();
  }

  @Test
  void awsMistakesAreListedTogetherWithEveryOtherOne() {
    assertThatThrownBy(
            () ->
                load(
                    """
        instances:
          - { name: orders, host: h, username: u, passwordSecretArn: "not-an-arn" }
        cloudwatch: { enabled: true, interval: 5s, metrics: [InstanceUp, ActiveTasks, Foo], colour: red }
        discovery: { aws: { regions: [], credentials: { default: { username: u, password: p } } } }
        """))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        "cloudwatch.colour: unknown key (known keys: bufferSize, enabled, endpoint, interval, metrics, namespace, region)",
                        "cloudwatch.interval: must be at least 10s",
                        "cloudwatch.metrics[2]: unknown metric 'Foo' (known: "
                            + CloudWatchMetric.names()
                            + ")",
                        "discovery.aws.regions: must not be empty",
                        "instances[0].passwordSecretArn: must be a Secrets Manager secret ARN"
                            + " (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME); value not shown"));
  }
}
