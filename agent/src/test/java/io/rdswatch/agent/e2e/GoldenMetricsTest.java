package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.exporter.testsupport.GoldenFile;
import io.rdswatch.exporter.testsupport.Promtool;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.rds.BackupKind;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.rds.RestoreRequest;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's /metrics after a scripted day on one simulated instance, compared with
 * src/test/resources/golden/agent-metrics.prom. Everything runs on the simulator's manual clock, so
 * the page is the same on every run except poll durations and build info, which are masked.
 *
 * <p>To regenerate after an intended change: {@code ./mvnw -pl agent -am test
 * -Dtest=GoldenMetricsTest -Dsurefire.failIfNoSpecifiedTests=false -Drdswatch.golden.update=true},
 * then review the diff.
 */
class GoldenMetricsTest {

  private static final String SCENARIO =
      """
      seed: 11
      history: 0s
      instances:
        - name: golden-a
          region: us-east-1
          backup_window: "03:00-03:30"
          storage_gb: 2000
          free_gb: 1000
          databases:
            - {name: Sales, size_mb: 30000}
            - {name: HR, size_mb: 6000}
            - {name: Big, size_mb: 360000}
          buckets:
            - {name: backups, region: us-east-1}
            - {name: backups-eu, region: eu-west-1}
      """;
  private static final String BUCKET = "arn:aws:s3:::backups/";

  @TempDir Path dir;

  @Test
  void metricsAfterAScriptedDayMatchTheGoldenFile() throws Exception {
    try (SimulatedFleet fleet = SimulatedFleet.start(Scenario.parse(SCENARIO));
        RunningAgent agent =
            RunningAgent.start(
                fleet.config(dir, Duration.ofSeconds(60), Duration.ofSeconds(5)),
                fleet.agentClock(),
                false)) {
      SimulatedInstance a = fleet.instance("golden-a");
      agent.pollOnce(); // baseline: nothing has happened yet

      // two full backups of Sales at once (an overlap), HR to a bucket in another region, a third
      // queued
      a.backup(BackupRequest.full("Sales", BUCKET + "Sales/full-1.bak"));
      a.backup(BackupRequest.full("HR", "arn:aws:s3:::backups-eu/HR/full-1.bak"));
      a.backup(BackupRequest.full("Sales", BUCKET + "Sales/full-2.bak"));
      fleet.advance(Duration.ofSeconds(30));
      agent.pollOnce();
      fleet.advance(Duration.ofMinutes(2));
      agent.pollOnce();
      String midway = agent.metrics();
      assertThat(
              MetricsPage.value(
                  midway, "rdswatch_backup_overlap{rds_instance=\"golden-a\",database=\"Sales\",}"))
          .as("two non-terminal backups of Sales")
          .hasValue(1.0);

      fleet.advance(Duration.ofMinutes(25));
      agent.pollOnce();
      a.backup(
          new BackupRequest(
              "Sales", BUCKET + "Sales/diff-1.bak", null, false, BackupKind.DIFFERENTIAL, 1));
      a.restore(RestoreRequest.full("SalesCopy", BUCKET + "Sales/full-1.bak"));
      fleet.advance(Duration.ofMinutes(10));
      agent.pollOnce();

      // a two-hour backup started at 02:30 runs into the 03:00 automated backup window
      fleet.clock.set(Instant.parse("2026-03-02T02:30:00Z"));
      a.backup(BackupRequest.full("Big", BUCKET + "Big/full-1.bak"));
      fleet.advance(Duration.ofMinutes(15));
      agent.pollOnce();
      fleet.clock.set(Instant.parse("2026-03-02T03:20:00Z"));
      agent.pollOnce();

      // after the window: two running, one queued behind them
      fleet.clock.set(Instant.parse("2026-03-02T03:40:00Z"));
      a.backup(BackupRequest.full("Sales", BUCKET + "Sales/full-3.bak"));
      a.backup(BackupRequest.full("HR", BUCKET + "HR/full-1.bak"));
      a.backup(BackupRequest.full("Big", BUCKET + "Big/full-2.bak"));
      fleet.advance(Duration.ofMinutes(4));
      agent.pollOnce();
      // two more progress steps of the running FULL give it an ETA
      fleet.advance(Duration.ofSeconds(40));
      agent.pollOnce();
      fleet.advance(Duration.ofSeconds(40));
      agent.pollOnce();

      String page = agent.metrics();
      assertThat(
              MetricsPage.sum(
                  page, "rdswatch_task_failures_total", "reason=\"backup_window_overlap\""))
          .as("the window abort is counted")
          .isEqualTo(1);
      assertThat(
              MetricsPage.sum(page, "rdswatch_task_failures_total", "reason=\"s3_wrong_region\""))
          .isEqualTo(1);
      assertThat(MetricsPage.sum(page, "rdswatch_task_failures_total"))
          .as("nothing else failed")
          .isEqualTo(2);
      assertThat(MetricsPage.value(page, "rdswatch_task_slots_in_use{rds_instance=\"golden-a\",}"))
          .hasValue(2.0);
      assertThat(MetricsPage.sum(page, "rdswatch_task_queued_seconds")).isPositive();
      assertThat(
              MetricsPage.value(
                  page,
                  "rdswatch_restore_last_success_timestamp_seconds{rds_instance=\"golden-a\",database=\"SalesCopy\",}"))
          .isPresent();
      Promtool.assertCleanMetrics(page);
      GoldenFile.assertMatches(stable(page), "agent-metrics.prom");
    }
  }

  /** rdswatch's own families, with the values that differ from run to run masked. */
  static String stable(String page) {
    List<String> kept = new ArrayList<>();
    for (String line : page.split("\n")) {
      String name = line.startsWith("# ") ? line.split(" ")[2] : line.split("[{ ]")[0];
      if (!name.startsWith("rdswatch_")) {
        continue;
      }
      if (line.startsWith("rdswatch_poll_duration_seconds{")) {
        line = line.substring(0, line.lastIndexOf(' ')) + " <varies>";
      } else if (line.startsWith("rdswatch_build_info{")) {
        line = "rdswatch_build_info{version=\"<version>\",revision=\"<revision>\",} 1.0";
      }
      kept.add(line);
    }
    return String.join("\n", kept) + "\n";
  }
}
