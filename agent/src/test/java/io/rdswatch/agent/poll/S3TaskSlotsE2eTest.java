package io.rdswatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.demo.SimulatedTime;
import io.rdswatch.agent.http.AgentMetrics;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.agent.track.FileStateStore;
import io.rdswatch.exporter.metrics.MetricsText;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3-integration tasks running on an instance fill its two task slots: rdswatch_task_slots_in_use
 * counts them, and the backup behind them shows as queued.
 */
class S3TaskSlotsE2eTest {

  private static final String SCENARIO = """
      instances:
        - name: etl-prod
          databases: [{name: Staging, size_mb: 1024}]
          buckets: [{name: feeds, region: us-east-1}]
          objects: [{arn: "arn:aws:s3:::feeds/day.csv", size_mb: 60000, not_a_backup: true}]
      """;

  @TempDir Path stateDir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopTicker() {
    ticker.shutdownNow();
  }

  @Test
  void downloadsFillTheSlotsAndTheBackupQueues() throws Exception {
    try (Simulator sim = Simulator.start(Scenario.parse(SCENARIO), SimulatorOptions.forTests(clock))) {
      SimulatedInstance etl = sim.instance("etl-prod");
      etl.rds().transfers().download("arn:aws:s3:::feeds/day.csv", "D:\\S3\\day1.csv", true);
      etl.rds().transfers().download("arn:aws:s3:::feeds/day.csv", "D:\\S3\\day2.csv", true);
      clock.advance(Duration.ofMinutes(3)); // both picked up: the simulator starts a queued task within 2 minutes
      etl.backup(BackupRequest.full("Staging", "arn:aws:s3:::feeds/staging.bak"));
      clock.advance(Duration.ofMinutes(5));

      FleetState fleet = new FleetState(new SimulatedTime(clock));
      Poller poller = poller(etl, fleet);
      var registry = AgentMetrics.registry(fleet::snapshot);
      poller.start();
      poller.pollOnce();

      String page = MetricsText.render004(registry);
      assertThat(page).contains("rdswatch_task_slots_in_use{rds_instance=\"etl-prod\",} 2.0")
          .contains("rdswatch_tasks{rds_instance=\"etl-prod\",task_type=\"DOWNLOAD_FROM_S3\",lifecycle=\"IN_PROGRESS\",} 2.0")
          .contains("rdswatch_tasks{rds_instance=\"etl-prod\",task_type=\"BACKUP_DB\",lifecycle=\"CREATED\",} 1.0")
          .containsPattern("rdswatch_task_queued_seconds\\{rds_instance=\"etl-prod\",database=\"Staging\",task_type=\"BACKUP_DB\",} 300\\.0");
      poller.stop();
    }
  }

  /**
   * rds_gather_file_details and rds_delete_from_filesystem, run through mssql-jdbc beside a long
   * download: the three compete for the two slots, and the listing or the delete is seen holding
   * one of them (each runs a minute, the simulator's shortest task).
   */
  @Test
  void listingAndDeletingFilesTakeSlotsToo() throws Exception {
    try (Simulator sim = Simulator.start(Scenario.parse(SCENARIO), SimulatorOptions.forTests(clock))) {
      SimulatedInstance etl = sim.instance("etl-prod");
      FleetState fleet = new FleetState(new SimulatedTime(clock));
      Poller poller = poller(etl, fleet);
      var registry = AgentMetrics.registry(fleet::snapshot);
      poller.start();
      poller.pollOnce();
      try (Connection c = DriverManager.getConnection(etl.jdbcUrl(), "admin", "admin");
          Statement s = c.createStatement()) {
        s.execute("exec msdb.dbo.rds_download_from_s3 @s3_arn_of_file='arn:aws:s3:::feeds/day.csv',"
            + " @rds_file_path='D:\\S3\\day.csv', @overwrite_file=1");
        s.execute("exec msdb.dbo.rds_gather_file_details");
        s.execute("exec msdb.dbo.rds_delete_from_filesystem @rds_file_path='D:\\S3\\old\\', @force_delete=1");
      }

      boolean housekeepingHeldASlot = false;
      for (int i = 0; i < 20; i++) {
        clock.advance(Duration.ofSeconds(15));
        poller.pollOnce();
        String page = MetricsText.render004(registry);
        double slots = slots(page);
        assertThat(slots).as("never more than two at once").isLessThanOrEqualTo(2);
        housekeepingHeldASlot |= slots == 2 && (page.contains("task_type=\"LIST_FILES_ON_DISK\",lifecycle=\"IN_PROGRESS\",} 1.0")
            || page.contains("task_type=\"DELETE_FILES_ON_DISK\",lifecycle=\"IN_PROGRESS\",} 1.0"));
      }
      assertThat(housekeepingHeldASlot).as("a listing or delete counted in rdswatch_task_slots_in_use").isTrue();
      assertThat(MetricsText.render004(registry))
          .containsPattern("rdswatch_tasks_finished_total\\{rds_instance=\"etl-prod\",database=\"[^\"]*\","
              + "task_type=\"LIST_FILES_ON_DISK\",lifecycle=\"SUCCESS\",} 1\\.0")
          .containsPattern("rdswatch_tasks_finished_total\\{rds_instance=\"etl-prod\",database=\"[^\"]*\","
              + "task_type=\"DELETE_FILES_ON_DISK\",lifecycle=\"SUCCESS\",} 1\\.0");
      poller.stop();
    }
  }

  private static double slots(String page) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(?m)^rdswatch_task_slots_in_use\\{rds_instance=\"etl-prod\",} (\\S+)$").matcher(page);
    assertThat(m.find()).as("rdswatch_task_slots_in_use of etl-prod").isTrue();
    return Double.parseDouble(m.group(1));
  }

  private Poller poller(SimulatedInstance etl, FleetState fleet) {
    InstanceTarget target = new InstanceTarget("etl-prod", "127.0.0.1", etl.port(), "admin",
        PasswordSource.literal("admin"), Map.of("encrypt", "false"), Map.of(), null, "static");
    return new Poller(() -> List.of(target),
        new AgentConfiguration().getPoll().with(Duration.ofSeconds(60), Duration.ofSeconds(5)),
        new FileStateStore(stateDir), fleet, new SimulatedTime(clock), ticker, false);
  }
}
