package io.rdswatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.simulator.clock.SimulatedTime;
import io.rdswatch.agent.http.AgentMetrics;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.agent.track.FileStateStore;
import io.rdswatch.exporter.metrics.MetricsText;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Multi-AZ failover takes the monitoring login's msdb grant: polls through mssql-jdbc fail as
 * `permission`, not as a generic query error, until the master user grants it again.
 */
class MultiAzFailoverE2eTest {

  @TempDir Path stateDir;

  @Test
  void aFailoverShowsAsPermissionUntilTheGrantIsRunAgain() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    try (Simulator sim = Simulator.start(Scenario.parse("""
        seed: 4
        history: 1d
        instances:
          - name: orders-prod
            logins: [{name: monitor, password: monitor-pw, execute: [rds_task_status]}]
            databases: [{name: Orders, size_mb: 1024}]
            buckets: [{name: backups, region: us-east-1}]
            schedule: [{type: FULL, every: 12h, at: "01:00", bucket: backups}]
        """), SimulatorOptions.forTests(clock))) {
      SimulatedInstance prod = sim.instance("orders-prod");
      InstanceTarget target = new InstanceTarget("orders-prod", "127.0.0.1", prod.port(), "monitor",
          PasswordSource.literal("monitor-pw"), Map.of("encrypt", "false"), Map.of(), null, "static");
      FleetState fleet = new FleetState(new SimulatedTime(clock));
      Poller poller = new Poller(() -> List.of(target),
          new AgentConfiguration().getPoll().with(Duration.ofSeconds(60), Duration.ofSeconds(5)),
          new FileStateStore(stateDir), fleet, new SimulatedTime(clock), ticker, false);
      var registry = AgentMetrics.registry(fleet::snapshot);
      poller.start();

      poller.pollOnce();
      assertThat(MetricsText.render004(registry)).contains("rdswatch_up{rds_instance=\"orders-prod\",} 1.0");

      java.util.List<String> lost = prod.failover();
      assertThat(lost).containsExactly("monitor");
      assertThat(prod.port()).as("same endpoint").isEqualTo(target.port());
      clock.advance(Duration.ofMinutes(1));
      poller.pollOnce(); // the agent's kept connection died with the old primary
      clock.advance(Duration.ofMinutes(1));
      poller.pollOnce(); // a new connection reaches the new primary, where the grant is missing

      String page = MetricsText.render004(registry);
      assertThat(page).contains("rdswatch_up{rds_instance=\"orders-prod\",} 0.0")
          .contains("rdswatch_poll_errors_total{rds_instance=\"orders-prod\",kind=\"connect\",} 1.0")
          .contains("rdswatch_poll_errors_total{rds_instance=\"orders-prod\",kind=\"permission\",} 1.0")
          .contains("rdswatch_poll_errors_total{rds_instance=\"orders-prod\",kind=\"query\",} 0.0");
      PollStatus.PollError error = fleet.instances().get(0).status().lastError();
      assertThat(error.kind()).isEqualTo(PollErrorKind.PERMISSION);
      assertThat(error.message())
          .contains("The EXECUTE permission was denied on the object 'rds_task_status', database 'msdb'");

      // the runbook's GRANT, run as the master user
      try (Connection master = DriverManager.getConnection(prod.jdbcUrl(), "admin", "admin");
          Statement s = master.createStatement()) {
        s.execute("USE msdb; GRANT EXECUTE ON msdb.dbo.rds_task_status TO monitor");
      }
      clock.advance(Duration.ofMinutes(1));
      poller.pollOnce();

      page = MetricsText.render004(registry);
      assertThat(page).contains("rdswatch_up{rds_instance=\"orders-prod\",} 1.0")
          .contains("rdswatch_poll_errors_total{rds_instance=\"orders-prod\",kind=\"permission\",} 1.0");
      assertThat(fleet.instances().get(0).status().lastError()).isNull();
      poller.stop();
    } finally {
      ticker.shutdownNow();
    }
  }
}
