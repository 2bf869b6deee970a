package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rdswatch.agent.demo.Demo;
import io.rdswatch.agent.demo.StatusBoard;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `rdswatch demo`'s promise: every instance up, an active task with progress, several failure
 * reasons.
 */
class DemoTest {

  private static final Pattern REASON =
      Pattern.compile("^rdswatch_task_failures_total\\{.*reason=\"([a-z0-9_]+)\",} ([0-9.E]+)$");

  @TempDir Path dir;

  @Test
  void theDemoShowsAHealthyFleetWithProgressAndFailures() throws Exception {
    Demo.Options options =
        new Demo.Options(3, 0, 60, 0, dir.resolve("work"), dir.resolve("rdswatch-demo.yml"));
    try (Demo demo = Demo.start(options)) {
      HttpClient http = HttpClient.newHttpClient();
      String[] page = new String[1];
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                page[0] =
                    http.send(
                            HttpRequest.newBuilder(demo.metricsUri()).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body();
                return MetricsPage.sum(page[0], "rdswatch_up") == 3;
              });

      assertThat(page[0])
          .contains(
              "rdswatch_task_progress_ratio{rds_instance=\"analytics-dev\",database=\"Warehouse\"");
      assertThat(reasons(page[0])).hasSizeGreaterThanOrEqualTo(3);
      assertThat(StatusBoard.lines(demo.runtime().fleet()))
          .hasSize(3)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .startsWith("analytics-dev")
                      .contains("up", "Warehouse BACKUP_DB IN_PROGRESS"));

      // coverage and cadence: Archive was never backed up, Inventory's hourly differentials stopped
      // 5 h before start
      assertThat(
              MetricsPage.value(
                  page[0],
                  "rdswatch_database_without_backup{rds_instance=\"analytics-dev\",database=\"Archive\",backup_type=\"full\",}"))
          .hasValue(1.0);
      String inventory =
          "{rds_instance=\"sales-prod\",database=\"Inventory\",backup_type=\"differential\",}";
      double learned =
          MetricsPage.value(page[0], "rdswatch_backup_expected_interval_seconds" + inventory)
              .orElseThrow();
      double lastDiff =
          MetricsPage.value(page[0], "rdswatch_backup_last_success_timestamp_seconds" + inventory)
              .orElseThrow();
      double polled =
          MetricsPage.value(
                  page[0],
                  "rdswatch_last_poll_success_timestamp_seconds{rds_instance=\"sales-prod\",}")
              .orElseThrow();
      assertThat(learned).as("hourly").isBetween(3000.0, 4200.0);
      assertThat(polled - lastDiff)
          .as("quiet for more than twice the learned interval")
          .isGreaterThan(2 * learned);

      CliRun check = CliRun.of("check", "--config", options.configFile().toString());
      assertThat(check.exitCode()).as(check.out()).isZero();
      CliRun tasks =
          CliRun.of("tasks", "--config", options.configFile().toString(), "--instance", "hr-prod");
      assertThat(tasks.out())
          .contains("s3_wrong_region", "REASON EVIDENCE")
          .containsPattern(
              "\\d+ s3_wrong_region: \\[[-0-9 :.]+] Please specify a bucket that is in the same region");
    }
  }

  private static Set<String> reasons(String page) {
    Set<String> reasons = new TreeSet<>();
    for (String line : page.split("\n")) {
      Matcher m = REASON.matcher(line);
      if (m.matches() && Double.parseDouble(m.group(2)) > 0) {
        reasons.add(m.group(1));
      }
    }
    return reasons;
  }
}
