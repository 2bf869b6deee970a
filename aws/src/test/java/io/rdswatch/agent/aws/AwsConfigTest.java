package io.rdswatch.agent.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.aws.cloudwatch.CloudWatchConfig;
import io.rdswatch.agent.aws.discovery.DiscoveryConfig;
import io.rdswatch.agent.aws.secrets.SecretsManagerConfig;
import io.rdswatch.exporter.cloudwatch.CloudWatchMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cloudwatch, discovery and secretsManager sections: defaults, and every rule with its path.
 */
class AwsConfigTest {

  private static final String ARN =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds-AbCdEf";

  private static List<String> cloudwatch(String yaml) {
    List<String> errors = new ArrayList<>();
    AwsFakes.yaml(yaml, CloudWatchConfig.class).validate("cloudwatch", errors);
    return errors;
  }

  private static List<String> discovery(String yaml) {
    List<String> errors = new ArrayList<>();
    AwsFakes.yaml(yaml, DiscoveryConfig.class).validate("discovery", errors);
    return errors;
  }

  @Test
  void defaultsAreValidAndOff() {
    CloudWatchConfig cw = AwsFakes.yaml("{}", CloudWatchConfig.class);
    assertThat(cw.isEnabled()).isFalse();
    assertThat(cw.getNamespace()).isEqualTo("RDSWatch");
    assertThat(cw.getInterval().toSeconds()).isEqualTo(60);
    assertThat(cw.metricSet()).containsExactlyInAnyOrder(CloudWatchMetric.values());
    assertThat(cloudwatch("{}")).isEmpty();
    assertThat(AwsFakes.yaml("{}", DiscoveryConfig.class).isEnabled()).isFalse();
    assertThat(discovery("{}")).isEmpty();
  }

  @Test
  void theIssueExampleIsValid() {
    assertThat(
            cloudwatch(
                """
        enabled: true
        namespace: RDSWatch
        region: eu-west-1
        interval: 60s
        endpoint: null
        metrics: [TaskFailures, ActiveTasks, TaskProgress, BackupAgeSeconds, InstanceUp, DrillSuccess, DrillRestoreSeconds]
        """))
        .isEmpty();
    assertThat(
            discovery(
                """
        aws:
          regions: [eu-west-1, us-east-1]
          refresh: 5m
          includeTags: { rdswatch: "enabled" }
          excludeTags: {}
          credentials: { secretTag: rdswatch-secret, default: { username: rdswatch, passwordSecretArn: "%s" } }
          endpoint: null
        """
                    .formatted(ARN)))
        .isEmpty();
  }

  static Stream<Arguments> badCloudWatch() {
    return Stream.of(
        Arguments.of("interval: 5s", "cloudwatch.interval: must be at least 10s"),
        Arguments.of(
            "namespace: AWS/RDS",
            "cloudwatch.namespace: must not start with 'AWS/' (reserved for AWS services)"),
        Arguments.of(
            "namespace: 'has space'",
            "cloudwatch.namespace: must be 1-255 characters of A-Z a-z 0-9 . - _ / # :"),
        Arguments.of(
            "region: Ireland",
            "cloudwatch.region: 'Ireland' is not an AWS region name (like eu-west-1)"),
        Arguments.of(
            "endpoint: localhost:4566",
            "cloudwatch.endpoint: must be an absolute http(s) URL like https://host:port"),
        Arguments.of("bufferSize: 10", "cloudwatch.bufferSize: must be at least 1000"),
        Arguments.of(
            "metrics: [InstanceUp, ActiveTasks, Foo]",
            "cloudwatch.metrics[2]: unknown metric 'Foo' (known: "
                + CloudWatchMetric.names()
                + ")"),
        Arguments.of(
            "metrics: [InstanceUp, InstanceUp]",
            "cloudwatch.metrics[1]: 'InstanceUp' is listed twice"));
  }

  @ParameterizedTest
  @MethodSource("badCloudWatch")
  void badCloudWatchSettingsNameTheirPath(String yaml, String expected) {
    assertThat(cloudwatch(yaml)).containsExactly(expected);
  }

  static Stream<Arguments> badDiscovery() {
    String login = "  credentials: { default: { username: u, password: p } }\n";
    return Stream.of(
        Arguments.of(
            "aws:\n  regions: []\n" + login, List.of("discovery.aws.regions: must not be empty")),
        Arguments.of("aws:\n" + login, List.of("discovery.aws.regions: must not be empty")),
        Arguments.of(
            "aws:\n  regions: [eu-west-1, mars-1, eu-west-1]\n" + login,
            List.of(
                "discovery.aws.regions[1]: 'mars-1' is not an AWS region name (like eu-west-1)",
                "discovery.aws.regions[2]: 'eu-west-1' is listed twice")),
        Arguments.of(
            "aws:\n  regions: [eu-west-1]\n  refresh: 10s\n" + login,
            List.of("discovery.aws.refresh: must be at least 30s")),
        Arguments.of(
            "aws:\n  regions: [eu-west-1]\n  endpoint: 'not a url'\n" + login,
            List.of(
                "discovery.aws.endpoint: must be an absolute http(s) URL like https://host:port")),
        Arguments.of(
            "aws:\n  regions: [eu-west-1]\n  credentials: { secretTag: null }\n",
            List.of(
                "discovery.aws.credentials: set default, secretTag, or both; otherwise no instance can log in")),
        Arguments.of(
            "aws:\n  regions: [eu-west-1]\n  credentials: { default: { username: u } }\n",
            List.of(
                "discovery.aws.credentials.default: set exactly one of password or passwordSecretArn")),
        Arguments.of(
            "aws:\n  regions: [eu-west-1]\n  credentials: { default: { password: p } }\n",
            List.of(
                "discovery.aws.credentials.default.username: must be set (or use passwordSecretArn, whose secret has one)")),
        Arguments.of(
            "aws:\n  regions: [eu-west-1]\n  credentials: { default: { passwordSecretArn: hunter2 } }\n",
            List.of(
                "discovery.aws.credentials.default.passwordSecretArn: must be a Secrets Manager secret ARN"
                    + " (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME); value not shown")),
        Arguments.of(
            "aws:\n  regions: [eu-west-1]\n  credentials: { secretTag: t, drillSecretTag: t, drill: { username: d } }\n",
            List.of(
                "discovery.aws.credentials.drillSecretTag: must not be blank or the same tag as secretTag",
                "discovery.aws.credentials.drill: set exactly one of password or passwordSecretArn")));
  }

  @ParameterizedTest
  @MethodSource("badDiscovery")
  void badDiscoverySettingsAreAllListedWithTheirPath(String yaml, List<String> expected) {
    assertThat(discovery(yaml)).containsExactlyElementsOf(expected);
  }

  @Test
  void aSecretPastedIntoAnArnFieldIsNeverEchoed() {
    assertThat(
            discovery(
                "aws:\n  regions: [eu-west-1]\n  credentials: { default: { passwordSecretArn: hunter2 } }\n"))
        .allSatisfy(e -> assertThat(e).doesNotContain("hunter2"));
  }

  @Test
  void secretsManagerEndpointIsChecked() {
    List<String> errors = new ArrayList<>();
    AwsFakes.yaml("endpoint: ftp://x", SecretsManagerConfig.class)
        .validate("secretsManager", errors);
    assertThat(errors)
        .containsExactly(
            "secretsManager.endpoint: must be an absolute http(s) URL like https://host:port");
  }
}
