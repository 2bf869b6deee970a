package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.rds.DatabaseSpec;
import io.rdswatch.simulator.rds.Pace;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database coverage, learned cadence and task ETA through the real driver, the simulator's TDS and
 * the agent's /metrics.
 */
class CoverageAndEtaE2eTest {

  private static final String BUCKET = "arn:aws:s3:::backups/";

  /** Two days of history: Orders has a daily FULL and hourly DIFFs, Archive no job at all. */
  private static final String SCENARIO =
      """
      seed: 3
      history: 2d
      instances:
        - name: cov
          databases:
            - {name: Orders, size_mb: 600}
            - {name: Archive, size_mb: 100}
            - {name: Staging_Tmp, size_mb: 100}
          buckets: [{name: backups, region: us-east-1}]
          schedule:
            - {type: FULL, every: 24h, at: "01:00", databases: [Orders], bucket: backups}
            - {type: DIFFERENTIAL, every: 1h, at: "00:10", databases: [Orders], bucket: backups, until: "start-3h"}
      """;

  @TempDir Path dir;

  @Test
  void unprotectedDatabasesAndLearnedCadenceShowOnTheFirstPoll() throws Exception {
    try (SimulatedFleet fleet = SimulatedFleet.start(Scenario.parse(SCENARIO));
        RunningAgent agent =
            RunningAgent.start(
                fleet.config(dir, Duration.ofSeconds(60), Duration.ofSeconds(5)),
                fleet.agentClock(),
                false)) {
      fleet.instance("cov").addDatabase(DatabaseSpec.of("NewToday", 100));
      agent.pollOnce();
      String page = agent.metrics();

      assertThat(without(page, "Archive")).as("never backed up").hasValue(1.0);
      assertThat(without(page, "Orders")).hasValue(0.0);
      assertThat(without(page, "NewToday")).as("younger than the grace").hasValue(0.0);
      assertThat(
              MetricsPage.value(
                  page,
                  "rdswatch_database_info{rds_instance=\"cov\",database=\"Archive\",state=\"ONLINE\",recovery_model=\"FULL\",}"))
          .hasValue(1.0);

      // hourly, learned from 2 days; each gap is an hour give or take the runs' own duration
      assertThat(interval(page, "differential").orElseThrow()).isCloseTo(3600.0, within(60.0));
      assertThat(interval(page, "full")).as("2 daily FULLs are only 1 gap").isEmpty();
      double lastDiff =
          MetricsPage.value(
                  page,
                  "rdswatch_backup_last_success_timestamp_seconds{rds_instance=\"cov\",database=\"Orders\",backup_type=\"differential\",}")
              .orElseThrow();
      double quiet = SimulatedFleet.START.getEpochSecond() - lastDiff;
      assertThat(quiet).as("the hourly job stopped 3 h before start").isGreaterThan(2 * 3600);
    }
  }

  @Test
  void excludedAndScratchDatabasesAreNotJudged() throws Exception {
    try (SimulatedFleet fleet = SimulatedFleet.start(Scenario.parse(SCENARIO))) {
      var config = fleet.config(dir, Duration.ofSeconds(60), Duration.ofSeconds(5));
      config.withCoverage(config.getCoverage().with(Duration.ofMinutes(5), List.of("staging_.*")));
      fleet
          .instance("cov")
          .addDatabase(DatabaseSpec.of("rdswatch_drill_Orders_20260301000000_ab12", 100));
      try (RunningAgent agent = RunningAgent.start(config, fleet.agentClock(), false)) {
        agent.pollOnce();
        String page = agent.metrics();
        assertThat(without(page, "Staging_Tmp")).as("excluded by pattern").isEmpty();
        assertThat(
                MetricsPage.value(
                    page, "rdswatch_database_info{rds_instance=\"cov\",database=\"Staging_Tmp\","))
            .hasValue(1.0);
        assertThat(page).doesNotContain("rdswatch_drill_Orders");
      }
    }
  }

  @Test
  void etaFollowsSteadyProgress() throws Exception {
    runBackup(Pace.STEADY, 60);
  }

  @Test
  void etaFollowsUnevenProgress() throws Exception {
    runBackup(Pace.UNEVEN, 200);
  }

  /**
   * A 10-minute FULL (30,000 MB at 50 MB/s) polled every 30 s. No ETA before two progress steps;
   * after that each estimate, compared with when the task really ended, is off by at most {@code
   * slack} seconds, and never negative. With uneven progress the estimate made in the fast first
   * half is allowed to be wrong; from two steps into the slow half on it must be right again.
   */
  private void runBackup(Pace pace, double slack) throws Exception {
    String scenario =
        """
        seed: 1
        history: 0s
        instances:
          - name: eta
            databases: [{name: Big, size_mb: 30000}]
            buckets: [{name: backups, region: us-east-1}]
        """;
    try (SimulatedFleet fleet = SimulatedFleet.start(Scenario.parse(scenario));
        RunningAgent agent =
            RunningAgent.start(
                fleet.config(dir, Duration.ofSeconds(30), Duration.ofSeconds(5)),
                fleet.agentClock(),
                false)) {
      SimulatedInstance instance = fleet.instance("eta");
      instance.rds().pace(pace);
      agent.pollOnce();
      instance.backup(BackupRequest.full("Big", BUCKET + "big.bak"));
      List<double[]> estimates = new ArrayList<>(); // poll time, ETA, progress
      int withoutEta = 0;
      boolean started = false;
      for (int i = 0; i < 60; i++) {
        fleet.advance(Duration.ofSeconds(30));
        agent.pollOnce();
        String page = agent.metrics();
        OptionalDouble progress =
            MetricsPage.value(
                page,
                "rdswatch_task_progress_ratio{rds_instance=\"eta\",database=\"Big\",task_type=\"BACKUP_DB\",}");
        if (progress.isEmpty()) {
          if (started) {
            break; // finished
          }
          continue;
        }
        started = true;
        OptionalDouble eta =
            MetricsPage.value(
                page,
                "rdswatch_task_eta_seconds{rds_instance=\"eta\",database=\"Big\",task_type=\"BACKUP_DB\",}");
        if (eta.isEmpty()) {
          withoutEta++;
        } else {
          estimates.add(
              new double[] {
                fleet.clock.now().getEpochSecond(), eta.getAsDouble(), progress.getAsDouble()
              });
        }
      }
      var done = instance.rds().taskRows("Big", null).get(0);
      assertThat(done.lifecycle().name()).isEqualTo("SUCCESS");
      double end = done.lastUpdated().getEpochSecond();

      assertThat(withoutEta).as("polls before two steps were seen").isGreaterThanOrEqualTo(2);
      assertThat(estimates).as("polls with an ETA").hasSizeGreaterThan(5);
      for (double[] e : estimates) {
        assertThat(e[1]).as("never negative").isGreaterThanOrEqualTo(0);
        boolean settled = pace == Pace.STEADY || e[2] >= 0.65;
        if (settled) {
          assertThat(e[1])
              .as("ETA at %.0f%%", e[2] * 100)
              .isCloseTo(Math.max(0, end - e[0]), within(slack));
        }
      }
      if (pace == Pace.UNEVEN) {
        double[] early = estimates.get(0);
        assertThat(early[1])
            .as("the fast start promises too early an end")
            .isLessThan(end - early[0] - slack);
      }
    }
  }

  private static OptionalDouble without(String page, String db) {
    return MetricsPage.value(
        page,
        "rdswatch_database_without_backup{rds_instance=\"cov\",database=\""
            + db
            + "\",backup_type=\"full\",}");
  }

  private static OptionalDouble interval(String page, String type) {
    return MetricsPage.value(
        page,
        "rdswatch_backup_expected_interval_seconds{rds_instance=\"cov\",database=\"Orders\",backup_type=\""
            + type
            + "\",}");
  }
}
