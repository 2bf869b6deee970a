package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent as a separate process, killed -9 and stopped with SIGTERM while tasks keep finishing on
 * the simulator: nothing counted twice, nothing finished while it was down lost, last-success
 * timestamps kept even after RDS's 36-day history has dropped the tasks behind them.
 */
class RestartAndCrashTest {

  private static final String SCENARIO =
      """
      seed: 5
      history: 0s
      instances:
        - name: crash-a
          region: us-east-1
          databases: [{name: Sales, size_mb: 600}, {name: HR, size_mb: 600}]
          buckets: [{name: backups, region: us-east-1}]
      """;
  private static final String SALES_OK =
      "rdswatch_tasks_finished_total{rds_instance=\"crash-a\",database=\"Sales\",task_type=\"BACKUP_DB\",lifecycle=\"SUCCESS\",}";
  private static final String HR_ERROR =
      "rdswatch_tasks_finished_total{rds_instance=\"crash-a\",database=\"HR\",task_type=\"BACKUP_DB\",lifecycle=\"ERROR\",}";
  private static final String HR_LAST_FULL =
      "rdswatch_backup_last_success_timestamp_seconds{rds_instance=\"crash-a\",database=\"HR\",backup_type=\"full\",}";
  private static final String LAST_POLL =
      "rdswatch_last_poll_success_timestamp_seconds{rds_instance=\"crash-a\",}";

  @TempDir Path dir;

  @Test
  void countsSurviveKillNineAndSigtermFlushesState() throws Exception {
    try (SimulatedFleet fleet = SimulatedFleet.start(Scenario.parse(SCENARIO))) {
      SimulatedInstance a = fleet.instance("crash-a");
      Path config = fleet.writeConfig(dir, Duration.ofMillis(1500), Duration.ofSeconds(1));

      double hrLastFull;
      try (ChildAgent first = ChildAgent.start(config, dir.resolve("first.log"))) {
        awaitValue(first, "rdswatch_up{rds_instance=\"crash-a\",}", 1);
        a.backup(BackupRequest.full("Sales", "arn:aws:s3:::backups/Sales/1.bak"));
        a.backup(BackupRequest.full("HR", "arn:aws:s3:::backups/HR/1.bak"));
        fleet.advance(Duration.ofMinutes(10));
        awaitValue(first, SALES_OK, 1);
        hrLastFull = awaitPresent(first, HR_LAST_FULL);
        first.kill9();
      }

      // while the agent is dead: 37 days pass (RDS forgets the tasks above), then more tasks finish
      fleet.advance(Duration.ofDays(37));
      a.backup(BackupRequest.full("Sales", "arn:aws:s3:::backups/Sales/2.bak"));
      a.backup(BackupRequest.full("HR", "arn:aws:s3:::no-such-bucket/HR/2.bak"));
      fleet.advance(Duration.ofMinutes(10));
      assertThat(a.tasks()).as("only the tasks finished while down are left").hasSize(2);

      try (ChildAgent second = ChildAgent.start(config, dir.resolve("second.log"))) {
        awaitValue(second, SALES_OK, 2);
        awaitValue(second, HR_ERROR, 1);
        assertThat(MetricsPage.value(second.metrics(), HR_LAST_FULL))
            .as("HR's last full backup is no longer in rds_task_status, only in the saved state")
            .hasValue(hrLastFull);
        second.kill9();
      }

      try (ChildAgent third = ChildAgent.start(config, dir.resolve("third.log"))) {
        double firstPoll = awaitPresent(third, LAST_POLL);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> value(third, LAST_POLL).orElse(0) > firstPoll);
        String page = third.metrics();
        assertThat(MetricsPage.value(page, SALES_OK))
            .as("counted before the crash, not again")
            .hasValue(2.0);
        assertThat(MetricsPage.value(page, HR_ERROR)).hasValue(1.0);
        assertThat(MetricsPage.sum(page, "rdswatch_task_failures_total", "reason=\"s3_no_bucket\""))
            .isEqualTo(1);

        assertThat(third.terminate()).as("exit code after SIGTERM (128 + 15)").isEqualTo(143);
        assertThat(third.log()).contains("stopped polling; state of 1 instance(s) flushed");
        assertThat(dir.resolve("state/crash-a.json")).exists();
        assertThat(Files.readString(dir.resolve("state/crash-a.json")))
            .contains("\"baselineTaken\"");
      }
    }
  }

  private static void awaitValue(ChildAgent agent, String sample, double expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> value(agent, sample).orElse(-1) == expected);
  }

  private static double awaitPresent(ChildAgent agent, String sample) {
    double[] seen = new double[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              OptionalDouble v = value(agent, sample);
              v.ifPresent(x -> seen[0] = x);
              return v.isPresent();
            });
    return seen[0];
  }

  private static OptionalDouble value(ChildAgent agent, String sample) throws Exception {
    return MetricsPage.value(agent.metrics(), sample);
  }
}
