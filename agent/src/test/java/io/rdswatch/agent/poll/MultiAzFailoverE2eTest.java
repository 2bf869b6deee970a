package io.rdswatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.simulator.SimulatedInstance;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Multi-AZ failover takes the monitoring login's msdb grants: polls through mssql-jdbc fail as
 * `permission`, not as a generic query error, until the master user grants them again.
 */
class MultiAzFailoverE2eTest {

  private static final String SCENARIO =
      """
      seed: 4
      history: 1d
      instances:
        - name: orders-prod
          logins: [{name: monitor, password: monitor-pw, execute: [rds_task_status]}]
          databases: [{name: Orders, size_mb: 1024}]
          buckets: [{name: backups, region: us-east-1}]
          schedule: [{type: FULL, every: 12h, at: "01:00", bucket: backups}]
      """;
  private static final String UP = "rdswatch_up{rds_instance=\"orders-prod\",} ";
  private static final String PERMISSION =
      "rdswatch_poll_errors_total{rds_instance=\"orders-prod\",kind=\"permission\",} ";
  private static final String MODE_FUNCTION =
      "rdswatch_poll_mode{rds_instance=\"orders-prod\",mode=\"function\",} ";
  private static final String MODE_PROCEDURE =
      "rdswatch_poll_mode{rds_instance=\"orders-prod\",mode=\"procedure\",} ";

  @TempDir Path stateDir;

  @Test
  void aFailoverShowsAsPermissionUntilTheGrantIsRunAgain() throws Exception {
    try (SimulatedPolling p =
        new SimulatedPolling(SCENARIO, "orders-prod", "monitor", "monitor-pw", stateDir)) {
      p.pollOnce();
      assertThat(p.page()).contains(UP + "1.0");

      int port = p.instance.port();
      assertThat(p.instance.failover()).containsExactly("monitor");
      assertThat(p.instance.port()).as("same endpoint").isEqualTo(port);
      failedOverPolls(p);

      String page = p.page();
      assertThat(page)
          .contains(UP + "0.0")
          .contains(
              "rdswatch_poll_errors_total{rds_instance=\"orders-prod\",kind=\"connect\",} 1.0")
          .contains(PERMISSION + "1.0")
          .contains("rdswatch_poll_errors_total{rds_instance=\"orders-prod\",kind=\"query\",} 0.0");
      PollStatus.PollError error = p.fleet.instances().get(0).status().lastError();
      assertThat(error.kind()).isEqualTo(PollErrorKind.PERMISSION);
      assertThat(error.message())
          .contains(
              "The EXECUTE permission was denied on the object 'rds_task_status', database 'msdb'");

      grant(p.instance, "GRANT EXECUTE ON msdb.dbo.rds_task_status TO monitor");
      p.clock.advance(Duration.ofMinutes(1));
      p.pollOnce();

      assertThat(p.page()).contains(UP + "1.0").contains(PERMISSION + "1.0");
      assertThat(p.fleet.instances().get(0).status().lastError()).isNull();
    }
  }

  /**
   * A login with both grants polls incrementally through rds_fn_task_status. The failover takes
   * both: the poll is `permission`. The EXECUTE grant alone brings polling back, reading the whole
   * table with exec rds_task_status (README, "SQL permissions for the monitoring login"); once the
   * SELECT grant is run too, the next try of the function (every poll.fullReadEvery) goes back to
   * incremental reads.
   */
  @Test
  void theFunctionGrantGoesTooAndPollingFallsBackUntilItIsRunAgain() throws Exception {
    String bothGrants =
        SCENARIO.replace(
            "execute: [rds_task_status]}",
            "execute: [rds_task_status], select: [rds_fn_task_status]}");
    try (SimulatedPolling p =
        new SimulatedPolling(bothGrants, "orders-prod", "monitor", "monitor-pw", stateDir)) {
      p.pollOnce();
      assertThat(p.page()).contains(MODE_FUNCTION + "1.0");

      assertThat(p.instance.failover()).containsExactly("monitor");
      failedOverPolls(p);
      assertThat(p.page()).contains(UP + "0.0").contains(PERMISSION + "1.0");

      grant(p.instance, "GRANT EXECUTE ON msdb.dbo.rds_task_status TO monitor");
      p.clock.advance(Duration.ofMinutes(1));
      p.pollOnce();
      assertThat(p.page())
          .contains(UP + "1.0")
          .contains(MODE_PROCEDURE + "1.0")
          .contains(MODE_FUNCTION + "0.0");

      grant(p.instance, "GRANT SELECT ON msdb.dbo.rds_fn_task_status TO monitor");
      p.clock.advance(Duration.ofMinutes(61));
      p.pollOnce();
      assertThat(p.page())
          .contains(UP + "1.0")
          .contains(MODE_FUNCTION + "1.0")
          .contains(MODE_PROCEDURE + "0.0")
          .contains(PERMISSION + "1.0");
    }
  }

  /**
   * The first poll loses the kept connection with the old primary; the second reaches the new one.
   */
  private static void failedOverPolls(SimulatedPolling p) {
    p.clock.advance(Duration.ofMinutes(1));
    p.pollOnce();
    p.clock.advance(Duration.ofMinutes(1));
    p.pollOnce();
  }

  /** As the master user: the runbook's GRANTs. */
  private static void grant(SimulatedInstance prod, String sql) throws Exception {
    try (Connection master = DriverManager.getConnection(prod.jdbcUrl(), "admin", "admin");
        Statement s = master.createStatement()) {
      s.execute("USE msdb; " + sql);
    }
  }
}
