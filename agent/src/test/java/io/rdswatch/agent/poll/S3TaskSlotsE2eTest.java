package io.rdswatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.simulator.clock.SimulatedTime;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3-integration tasks running on an instance fill its two task slots: rdswatch_task_slots_in_use
 * counts them, and the backup behind them shows as queued.
 */
class S3TaskSlotsE2eTest {

  @TempDir Path stateDir;

  @Test
  void downloadsFillTheSlotsAndTheBackupQueues() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    try (Simulator sim = Simulator.start(Scenario.parse("""
        instances:
          - name: etl-prod
            databases: [{name: Staging, size_mb: 1024}]
            buckets: [{name: feeds, region: us-east-1}]
            objects: [{arn: "arn:aws:s3:::feeds/day.csv", size_mb: 60000, not_a_backup: true}]
        """), SimulatorOptions.forTests(clock))) {
      SimulatedInstance etl = sim.instance("etl-prod");
      etl.rds().transfers().download("arn:aws:s3:::feeds/day.csv", "D:\\S3\\day1.csv", true);
      etl.rds().transfers().download("arn:aws:s3:::feeds/day.csv", "D:\\S3\\day2.csv", true);
      clock.advance(Duration.ofMinutes(3)); // both picked up: the simulator starts a queued task within 2 minutes
      etl.backup(BackupRequest.full("Staging", "arn:aws:s3:::feeds/staging.bak"));
      clock.advance(Duration.ofMinutes(5));

      InstanceTarget target = new InstanceTarget("etl-prod", "127.0.0.1", etl.port(), "admin",
          PasswordSource.literal("admin"), Map.of("encrypt", "false"), Map.of(), null, "static");
      FleetState fleet = new FleetState(new SimulatedTime(clock));
      Poller poller = new Poller(() -> List.of(target),
          new AgentConfiguration().getPoll().with(Duration.ofSeconds(60), Duration.ofSeconds(5)),
          new FileStateStore(stateDir), fleet, new SimulatedTime(clock), ticker, false);
      var registry = AgentMetrics.registry(fleet::snapshot);
      poller.start();
      poller.pollOnce();

      String page = MetricsText.render004(registry);
      assertThat(page).contains("rdswatch_task_slots_in_use{rds_instance=\"etl-prod\",} 2.0")
          .contains("rdswatch_tasks{rds_instance=\"etl-prod\",task_type=\"DOWNLOAD_FROM_S3\",lifecycle=\"IN_PROGRESS\",} 2.0")
          .contains("rdswatch_tasks{rds_instance=\"etl-prod\",task_type=\"BACKUP_DB\",lifecycle=\"CREATED\",} 1.0")
          .containsPattern("rdswatch_task_queued_seconds\\{rds_instance=\"etl-prod\",database=\"Staging\",task_type=\"BACKUP_DB\",} 300\\.0");
      poller.stop();
    } finally {
      ticker.shutdownNow();
    }
  }
}
