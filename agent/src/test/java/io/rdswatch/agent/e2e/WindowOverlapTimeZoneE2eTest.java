package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On an instance outside UTC, task_info's stamps are server-local: whether a generic backup abort
 * was written inside the backup window (UTC, as RDS shows it) is decided with the offset the server
 * reports (README, "Time zones"). Both instances are in Tokyo (UTC+9), over TLS through mssql-jdbc.
 *
 * <p>tokyo-window's backup is aborted when its 04:00 UTC window opens; with the older wording only
 * the generic line, stamped 13:00 local, tells it was the window. Read as UTC, 13:00 is outside the
 * window and the I/O error lines would make it engine_error. tokyo-engine's backup fails mid-run at
 * about 03:55 UTC, stamped about 12:55 local, outside its 12:30-13:30 UTC window; read as UTC it
 * would fall inside and read as a window overlap.
 */
class WindowOverlapTimeZoneE2eTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SCENARIO =
      """
      seed: 12
      history: 0s
      instances:
        - name: tokyo-window
          timezone: Tokyo Standard Time
          backup_window: "04:00-04:30"
          task_info: {window_abort: legacy}
          databases: [{name: Big, size_mb: 40960}]
          buckets: [{name: backups, region: ap-northeast-1}]
          region: ap-northeast-1
        - name: tokyo-engine
          timezone: Tokyo Standard Time
          backup_window: "12:30-13:30"
          databases: [{name: Ledger, size_mb: 1024}]
          buckets: [{name: backups, region: ap-northeast-1}]
          region: ap-northeast-1
          failure_rates: {engine_error: 1.0}
          schedule: [{type: FULL, every: 24h, at: "start+1m", bucket: backups}]
      """;

  @TempDir Path dir;

  @Test
  void theWindowIsCheckedAtTheMomentTheServerMeant() throws Exception {
    try (SimulatedFleet fleet =
            SimulatedFleet.start(
                Scenario.parse(SCENARIO),
                Instant.parse("2026-03-02T03:50:00Z"),
                SimulatorOptions.forTests(null));
        RunningAgent agent =
            RunningAgent.start(
                fleet.config(dir, Duration.ofSeconds(60), Duration.ofSeconds(5)),
                fleet.agentClock(),
                false)) {
      agent.pollOnce(); // baseline: from here on every finished task is counted
      try (Connection c =
              DriverManager.getConnection(
                  fleet.instance("tokyo-window").jdbcUrl(), "admin", "admin");
          Statement s = c.createStatement()) {
        s.execute(
            "exec msdb.dbo.rds_backup_database @source_db_name='Big', "
                + "@s3_arn_to_backup_to='arn:aws:s3:::backups/big.bak'");
      }
      for (int i = 0; i < 8; i++) {
        fleet.advance(Duration.ofMinutes(5));
        agent.pollOnce();
      }

      List<JsonNode> window = failed(agent, "tokyo-window");
      assertThat(window)
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.get("reason").asText()).isEqualTo("backup_window_overlap");
                assertThat(t.get("reasonEvidence").asText())
                    .as("written at 04:00 UTC, Tokyo wall clock")
                    .startsWith("[2026-03-02 13:0")
                    .contains("overlap with your preferred backup window");
              });
      List<JsonNode> engine = failed(agent, "tokyo-engine");
      assertThat(engine)
          .isNotEmpty()
          .allSatisfy(
              t -> {
                assertThat(t.get("reason").asText()).isEqualTo("engine_error");
                assertThat(t.get("taskInfo").asText())
                    .as("stamped in Tokyo time, outside the window")
                    .contains("[2026-03-02 12:5")
                    .contains("overlap with your preferred backup window");
              });

      String page = agent.metrics();
      assertThat(
              MetricsPage.sum(
                  page,
                  "rdswatch_task_failures_total",
                  "rds_instance=\"tokyo-window\"",
                  "reason=\"backup_window_overlap\""))
          .isEqualTo(1.0);
      assertThat(
              MetricsPage.sum(
                  page, "rdswatch_task_failures_total", "rds_instance=\"tokyo-window\""))
          .isEqualTo(1.0);
      assertThat(
              MetricsPage.sum(
                  page,
                  "rdswatch_task_failures_total",
                  "rds_instance=\"tokyo-engine\"",
                  "reason=\"engine_error\""))
          .isEqualTo((double) engine.size());
      assertThat(
              MetricsPage.sum(
                  page,
                  "rdswatch_task_failures_total",
                  "rds_instance=\"tokyo-engine\"",
                  "reason=\"backup_window_overlap\""))
          .isZero();
    }
  }

  private static List<JsonNode> failed(RunningAgent agent, String instance) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode t : JSON.readTree(agent.get("/api/tasks?rds_instance=" + instance).body())) {
      if (t.get("lifecycle").asText().equals("ERROR")) {
        out.add(t);
      }
    }
    return out;
  }
}
