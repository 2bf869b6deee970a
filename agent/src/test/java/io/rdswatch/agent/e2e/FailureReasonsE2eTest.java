package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rdswatch.exporter.model.FailureClassifier;
import io.rdswatch.simulator.rds.DatabaseSpec;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure the simulator documents (its TaskFailure and SubmitErrors texts, docs/rds-facts.md,
 * "Documented errors"), provoked over real TDS, seen by the real agent, and labelled with the
 * expected reason: in /api/tasks, in rdswatch_task_failures_total, and for the ones SQL Server
 * raises at submit, in the classification of the driver's error message.
 */
class FailureReasonsE2eTest {

  private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/good";
  private static final String OTHER_KEY = "arn:aws:kms:us-east-1:123456789012:key/other";
  private static final String NO_GRANT_KEY = "arn:aws:kms:us-east-1:123456789012:key/no-grant";
  private static final String PRINT = "0x1F2E3D4C5B6A79880796A5B4C3D2E1F001122334";
  private static final String S3 = "arn:aws:s3:::backups/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SCENARIO =
      """
      seed: 5
      history: 0s
      instances:
        - name: reasons
          storage_gb: 200
          free_gb: 50
          databases: [{name: Sales, size_mb: 1024}, {name: Doomed, size_mb: 100}]
          logins: [{name: nogrant, password: nogrant-pw, execute: [rds_task_status]}]
          buckets:
            - {name: backups, region: us-east-1}
            - {name: eu-bucket, region: eu-west-1}
            - {name: locked, region: us-east-1, access_denied: true}
          kms_keys: [{arn: "%1$s"}, {arn: "%2$s"}, {arn: "%3$s", authorized: false}]
          objects:
            - {arn: "arn:aws:s3:::backups/exists.bak"}
            - {arn: "arn:aws:s3:::backups/plain.bak", size_mb: 100}
            - {arn: "arn:aws:s3:::backups/diff.bak", type: DIFFERENTIAL}
            - {arn: "arn:aws:s3:::backups/onprem_tde.bak", tde_certificate: "%4$s"}
            - {arn: "arn:aws:s3:::backups/encrypted.bak", kms_key: "%1$s"}
            - {arn: "arn:aws:s3:::backups/huge.bak", size_mb: 204800}
      %5$s
        - name: windowed
          backup_window: "00:05-00:35"
          databases: [{name: Big, size_mb: 40960}]
          buckets: [{name: backups, region: us-east-1}]
        - name: legacy
          backup_window: "00:05-00:35"
          task_info: {window_abort: legacy, existing_name_restore: task_error}
          databases: [{name: Big, size_mb: 40960}, {name: Taken, size_mb: 100}]
          buckets: [{name: backups, region: us-east-1}]
          objects: [{arn: "arn:aws:s3:::backups/plain.bak", size_mb: 100}]
        - name: flaky
          databases: [{name: Ledger, size_mb: 1024}]
          buckets: [{name: backups, region: us-east-1}]
          failure_rates: {engine_error: 1.0}
          schedule: [{type: FULL, every: 24h, at: "start+1m", bucket: backups}]
        - name: no-option
          backup_restore_option: false
          databases: [{name: Sales}]
      """
          .formatted(KEY, OTHER_KEY, NO_GRANT_KEY, PRINT, striped());

  @TempDir Path dir;

  @Test
  void everySimulatedFailureGetsItsReason() throws Exception {
    try (SimulatedFleet fleet = SimulatedFleet.start(Scenario.parse(SCENARIO));
        RunningAgent agent =
            RunningAgent.start(
                fleet.config(dir, Duration.ofSeconds(60), Duration.ofSeconds(5)),
                fleet.agentClock(),
                false)) {
      agent.pollOnce(); // baseline: from here on every finished task is counted
      Map<Long, String> expected = new LinkedHashMap<>();
      Map<Long, String> windowed = new LinkedHashMap<>();
      Map<Long, String> legacy = new LinkedHashMap<>();
      try (Connection c = connect(fleet, "reasons", "admin", "admin");
          Connection w = connect(fleet, "windowed", "admin", "admin");
          Connection l = connect(fleet, "legacy", "admin", "admin")) {
        expected.put(backup(c, "eu-bucket/s.bak", ""), "s3_wrong_region");
        expected.put(backup(c, "locked/s.bak", ""), "s3_access_denied");
        expected.put(backup(c, "nowhere/s.bak", ""), "s3_no_bucket");
        expected.put(backup(c, "backups/exists.bak", ""), "s3_object_exists");
        expected.put(
            backup(
                c, "backups/k1.bak", ", @kms_master_key_arn='" + KEY.replace("good", "gone") + "'"),
            "kms");
        expected.put(
            backup(c, "backups/k2.bak", ", @kms_master_key_arn='" + NO_GRANT_KEY + "'"), "kms");
        expected.put(restore(c, "R1", "diff.bak", ""), "s3_object_exists"); // not a FULL backup
        expected.put(restore(c, "R2", "missing.bak", ""), "s3_no_bucket");
        expected.put(restore(c, "R3", "encrypted.bak", ""), "kms");
        expected.put(
            restore(c, "R4", "encrypted.bak", ", @kms_master_key_arn='" + OTHER_KEY + "'"), "kms");
        expected.put(restore(c, "R5", "striped/big*", ""), "too_many_files");
        expected.put(restore(c, "R6", "onprem_tde.bak", ""), "tde_certificate");
        expected.put(restore(c, "R7", "huge.bak", ""), "engine_error"); // insufficient disk space
        expected.put(restore(c, "Late", "plain.bak", ""), "db_exists");
        fleet
            .instance("reasons")
            .addDatabase(new DatabaseSpec("Late", 100, null, null, null, false, null));
        expected.put(
            backup(c, "backups/doomed.bak", "", "Doomed"), "engine_error"); // dropped before it ran
        submitOnly(c, "exec msdb.dbo.rds_drop_database @db_name='Doomed'");
        windowed.put(
            submit(
                w,
                "exec msdb.dbo.rds_backup_database @source_db_name='Big', "
                    + "@s3_arn_to_backup_to='"
                    + S3
                    + "big.bak'"),
            "backup_window_overlap");
        // older wording: only the generic line, written while the window is open, tells it was the
        // window
        legacy.put(
            submit(
                l,
                "exec msdb.dbo.rds_backup_database @source_db_name='Big', "
                    + "@s3_arn_to_backup_to='"
                    + S3
                    + "big.bak'"),
            "backup_window_overlap");
        legacy.put(
            restore(l, "Taken", "plain.bak", ""), "db_exists"); // the file_guids text, in the task

        fleet.advance(Duration.ofMinutes(40));
        agent.pollOnce();

        assertThat(reasons(agent, "reasons")).isEqualTo(new TreeMap<>(expected));
        assertThat(reasons(agent, "windowed")).isEqualTo(new TreeMap<>(windowed));
        assertThat(reasons(agent, "legacy")).isEqualTo(new TreeMap<>(legacy));
        assertThat(reasons(agent, "flaky"))
            .as("the injected mid-run I/O error")
            .isNotEmpty()
            .allSatisfy((id, reason) -> assertThat(reason).isEqualTo("engine_error"));

        String page = agent.metrics();
        Map<String, Long> counted = new TreeMap<>();
        expected.values().forEach(r -> counted.merge(r, 1L, Long::sum));
        counted.merge("engine_error", (long) reasons(agent, "flaky").size(), Long::sum);
        windowed.values().forEach(r -> counted.merge(r, 1L, Long::sum));
        legacy.values().forEach(r -> counted.merge(r, 1L, Long::sum));
        counted.forEach(
            (reason, n) ->
                assertThat(
                        MetricsPage.sum(
                            page, "rdswatch_task_failures_total", "reason=\"" + reason + "\""))
                    .as(reason)
                    .isEqualTo(n.doubleValue()));
        assertThat(MetricsPage.sum(page, "rdswatch_task_failures_total"))
            .isEqualTo((double) counted.values().stream().mapToLong(Long::longValue).sum());
        assertThat(page).doesNotContain("reason=\"unknown\"");

        // refused at submit: no task row; the driver's error text is classified the same way
        assertThat(
                refusal(
                    c,
                    "exec msdb.dbo.rds_restore_database @restore_db_name='SALES', "
                        + "@s3_arn_to_restore_from='"
                        + S3
                        + "plain.bak'"))
            .isEqualTo("db_exists");
        assertThat(
                refusal(
                    c,
                    "exec msdb.dbo.rds_backup_database @source_db_name='Sales', "
                        + "@s3_arn_to_backup_to='"
                        + S3
                        + "m*.bak', @number_of_files=11"))
            .isEqualTo("too_many_files");
        assertThat(
                refusal(
                    c,
                    "exec msdb.dbo.rds_restore_database @restore_db_name='x', @s3_arn_to_restore_from=''"))
            .as("a parameter error is no failure of the task")
            .isEqualTo("unknown");
      }
      try (Connection n = connect(fleet, "reasons", "nogrant", "nogrant-pw");
          Connection o = connect(fleet, "no-option", "admin", "admin")) {
        assertThat(
                refusal(
                    n,
                    "exec msdb.dbo.rds_backup_database @source_db_name='Sales', "
                        + "@s3_arn_to_backup_to='"
                        + S3
                        + "p.bak'"))
            .isEqualTo("permission");
        assertThat(
                refusal(
                    o,
                    "exec msdb.dbo.rds_backup_database @source_db_name='Sales', "
                        + "@s3_arn_to_backup_to='arn:aws:s3:::b/s.bak'"))
            .isEqualTo("option_not_enabled");
      }
    }
  }

  /**
   * Task id to the reason /api/tasks gives each ERROR task of the instance; each also shows the
   * task_info entry that decided it, and every failed backup's log has the generic abort line.
   */
  private static Map<Long, String> reasons(RunningAgent agent, String instance) throws Exception {
    Map<Long, String> reasons = new TreeMap<>();
    for (JsonNode t : JSON.readTree(agent.get("/api/tasks?rds_instance=" + instance).body())) {
      if (t.get("lifecycle").asText().equals("ERROR")) {
        String info = t.get("taskInfo").asText();
        assertThat(info).as("raw task_info stays available").isNotBlank();
        assertThat(t.get("reasonEvidence").asText()).as(info).isNotBlank().isSubstringOf(info);
        if (t.get("taskType").asText().startsWith("BACKUP")) {
          assertThat(info)
              .contains(
                  "] Aborted the task because of a task failure or an overlap with your preferred "
                      + "backup window for RDS automated backup.");
        }
        reasons.put(t.get("taskId").asLong(), t.get("reason").asText());
      }
    }
    return reasons;
  }

  private static long backup(Connection c, String bucketAndKey, String extra) throws SQLException {
    return backup(c, bucketAndKey, extra, "Sales");
  }

  private static long backup(Connection c, String bucketAndKey, String extra, String db)
      throws SQLException {
    return submit(
        c,
        "exec msdb.dbo.rds_backup_database @source_db_name='"
            + db
            + "', @s3_arn_to_backup_to='"
            + "arn:aws:s3:::"
            + bucketAndKey
            + "'"
            + extra);
  }

  private static long restore(Connection c, String db, String key, String extra)
      throws SQLException {
    return submit(
        c,
        "exec msdb.dbo.rds_restore_database @restore_db_name='"
            + db
            + "', @s3_arn_to_restore_from='"
            + S3
            + key
            + "'"
            + extra);
  }

  /** Runs a procedure call and returns the task_id of the row it answers with. */
  private static long submit(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      boolean rows = s.execute(sql);
      while (!rows && s.getUpdateCount() != -1) {
        rows = s.getMoreResults();
      }
      try (ResultSet rs = s.getResultSet()) {
        assertThat(rs.next()).as(sql).isTrue();
        return rs.getLong("task_id");
      }
    }
  }

  private static void submitOnly(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String refusal(Connection c, String sql) {
    SQLException e = catchThrowableOfType(SQLException.class, () -> submit(c, sql));
    assertThat((Throwable) e).as(sql).isNotNull();
    return FailureClassifier.classify(e.getMessage()).label();
  }

  private static Connection connect(
      SimulatedFleet fleet, String instance, String user, String password) throws SQLException {
    return DriverManager.getConnection(fleet.instance(instance).jdbcUrl(), user, password);
  }

  private static String striped() {
    StringBuilder eleven = new StringBuilder();
    for (int i = 1; i <= 11; i++) {
      eleven
          .append("      - {arn: \"arn:aws:s3:::backups/striped/big")
          .append(i)
          .append("-of-11.bak\"}\n");
    }
    return eleven.toString().stripTrailing();
  }
}
