package io.rdswatch.agent.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.aws.cloudwatch.CloudWatchCbor;
import io.rdswatch.agent.aws.discovery.RdsXml;
import io.rdswatch.agent.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `rdswatch check` with AWS: discovered instances are checked too, and AWS reachability is
 * reported.
 */
class AwsCheckCommandTest {

  @TempDir Path dir;
  private SimulatedAwsFleet fleet;

  @BeforeEach
  void start() throws Exception {
    fleet = new SimulatedAwsFleet();
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  private record Run(int exit, String out) {}

  private Run check() throws Exception {
    Path file = dir.resolve("rdswatch.yml");
    Files.writeString(file, "stateDir: " + dir.resolve("state") + "\n" + fleet.awsYaml());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      return new Run(
          Main.run("check", "--config", file.toString()), out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void checksDiscoveredInstancesAndReportsReachability() throws Exception {
    fleet.aws.stubFor(
        post(urlEqualTo(CloudWatchCbor.PUT_PATH.replace("PutMetricData", "ListMetrics")))
            .willReturn(CloudWatchCbor.ok()));

    Run run = check();

    assertThat(run.out())
        .contains("ok (2 instance(s))")
        .containsPattern("orders-prod +127\\.0\\.0\\.1:\\d+ +ok +ok")
        .containsPattern("billing-prod +127\\.0\\.0\\.1:\\d+ +ok +ok")
        .containsPattern(
            "cloudwatch +eu-west-1 +ok +reachable; 0 metric\\(s\\) in namespace RDSWatch so far")
        .containsPattern(
            "discovery +eu-west-1 +ok +reachable; 2 SQL Server instance\\(s\\) before tag filters")
        .doesNotContain(SimulatedAwsFleet.PASSWORD);
    assertThat(run.exit()).isZero();
  }

  @Test
  void anUnreachableDiscoveryRegionFailsTheCheck() throws Exception {
    fleet.aws.stubFor(
        post(urlEqualTo(CloudWatchCbor.PUT_PATH.replace("PutMetricData", "ListMetrics")))
            .willReturn(CloudWatchCbor.ok()));
    fleet.aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.error(
                    403, "AccessDenied", "not authorized to perform: rds:DescribeDBInstances")));

    Run run = check();

    assertThat(run.out())
        .contains("ok (0 instance(s))")
        .containsPattern(
            "discovery +eu-west-1 +failed +AccessDenied \\(HTTP 403\\): not authorized");
    assertThat(run.exit()).isEqualTo(1);
  }
}
