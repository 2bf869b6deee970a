package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.rds.S3Object;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The documented options of rds_backup_database and rds_restore_database through the real driver
 * (docs/rds-facts.md, "Procedures and their parameters"): the '*' of multi-file backups, tuning
 * parameters, the overwrite flag, multi-file and differential restores, durations from size and
 * throughput, and a schedule the simulator runs by itself.
 */
class BackupRestoreOptionsE2eTest extends ProdInstanceE2e {
  static final String BUCKET = "arn:aws:s3:::backups/";

  @Override
  String scenario() {
    return """
        instances:
          - name: prod
            databases: [{name: Sales, size_mb: 2048, tables: {Orders: 1200}}]
            buckets: [{name: backups}]
          - name: slow
            throughput_mb_per_s: 10
            databases: [{name: Big, size_mb: 6000}]
            buckets: [{name: backups}]
          - name: scheduled
            databases: [{name: A, size_mb: 1024}]
            buckets: [{name: backups}]
            schedule:
              - {type: FULL, every: 24h, at: "01:00", bucket: backups}
              - {type: DIFFERENTIAL, every: 1h, at: "00:15", bucket: backups}
        """;
  }

  @Test
  void withOneFileTheStarStaysLiteralAndTuningParametersAreAccepted() throws Exception {
    int id =
        Jdbc.submit(
            c,
            "exec msdb.dbo.rds_backup_database @source_db_name='Sales', @s3_arn_to_backup_to='"
                + BUCKET
                + "star*.bak', @type='FULL', @number_of_files=1, @overwrite_s3_backup_file=1, @block_size=65536, "
                + "@max_transfer_size=4194304, @buffer_count=10, @enable_bucket_default_encryption=1");
    h.advance(Duration.ofMinutes(5));
    assertThat(Jdbc.task(c, id))
        .containsEntry("lifecycle", "SUCCESS")
        .containsEntry("task_type", "BACKUP_DB")
        .containsEntry("overwrite_s3_backup_file", 1)
        .containsEntry("S3_object_arn", BUCKET + "star*.bak");
    assertThat(keys("star")).containsExactly("star*.bak");
    Jdbc.failsWith(
        c,
        "exec msdb.dbo.rds_backup_database @source_db_name='Sales', @s3_arn_to_backup_to='"
            + BUCKET
            + "a*b*.bak', @number_of_files=2",
        50000,
        "With @number_of_files greater than 1, the S3 ARN must contain exactly one '*'.");
    Jdbc.failsWith(
        c,
        "exec msdb.dbo.rds_backup_database @source_db_name='Sales', @s3_arn_to_backup_to='"
            + BUCKET
            + "x.bak', @type='LOG'",
        50000,
        "Invalid @type 'LOG'. Specify FULL or DIFFERENTIAL.");
  }

  @Test
  void aMultiFileBackupRestoresFromItsStarPrefix() throws Exception {
    Jdbc.submit(
        c,
        "exec msdb.dbo.rds_backup_database @source_db_name='Sales', @s3_arn_to_backup_to='"
            + BUCKET
            + "multi/sales*.bak', @number_of_files=3");
    h.advance(Duration.ofMinutes(5));
    assertThat(keys("multi/"))
        .containsExactly("multi/sales1-of-3.bak", "multi/sales2-of-3.bak", "multi/sales3-of-3.bak");
    int id =
        Jdbc.submit(
            c,
            "exec msdb.dbo.rds_restore_database @restore_db_name='Copy', "
                + "@s3_arn_to_restore_from='"
                + BUCKET
                + "multi/sales*'");
    h.advance(Duration.ofMinutes(5));
    assertThat(Jdbc.task(c, id))
        .containsEntry("lifecycle", "SUCCESS")
        .containsEntry("task_type", "RESTORE_DB");
    assertThat(state("Copy")).isEqualTo("ONLINE");
    try (Statement s = c.createStatement()) {
      s.execute("USE [Copy]");
    }
    assertThat(Jdbc.scalar(c, "SELECT COUNT(*) FROM dbo.Orders")).isEqualTo(1200);
  }

  @Test
  void aDifferentialRestoreFollowsAFullOneWithNoRecovery() throws Exception {
    Jdbc.submit(c, backup("full.bak", "FULL"));
    Jdbc.submit(c, backup("diff.bak", "DIFFERENTIAL"));
    h.advance(Duration.ofMinutes(5));
    Jdbc.failsWith(
        c,
        restore("Sales2", "diff.bak", "DIFFERENTIAL", null),
        201,
        "Procedure or function 'rds_restore_database' expects parameter '@with_norecovery', which was not supplied.");
    Jdbc.failsWith(
        c,
        restore("Sales", "diff.bak", "DIFFERENTIAL", 0),
        50000,
        "Database 'Sales' is not in the RESTORING state. A differential restore or finish needs a database restored "
            + "WITH NORECOVERY.");

    int full = Jdbc.submit(c, restore("Copy", "full.bak", "FULL", 1));
    h.advance(Duration.ofMinutes(5));
    assertThat(Jdbc.task(c, full))
        .containsEntry("task_type", "RESTORE_DB_NORECOVERY")
        .containsEntry("lifecycle", "SUCCESS");
    assertThat(state("Copy")).isEqualTo("RESTORING");
    int diff = Jdbc.submit(c, restore("Copy", "diff.bak", "DIFFERENTIAL", 0));
    h.advance(Duration.ofMinutes(5));
    assertThat(Jdbc.task(c, diff))
        .containsEntry("task_type", "RESTORE_DB_DIFFERENTIAL")
        .containsEntry("lifecycle", "SUCCESS");
    assertThat(state("Copy")).isEqualTo("ONLINE");

    int wrongType = Jdbc.submit(c, restore("Other", "diff.bak", "FULL", 0));
    h.advance(Duration.ofMinutes(5));
    assertThat(Jdbc.task(c, wrongType)).containsEntry("lifecycle", "ERROR");
    assertThat((String) Jdbc.task(c, wrongType).get("task_info"))
        .contains("] Please reissue task with correct type and overwrite property");
  }

  @Test
  void theDurationFollowsTheSizeAndTheThroughputSetting() throws Exception {
    int fast;
    int slow;
    try (Connection s = h.connect("slow")) {
      fast =
          Jdbc.submit(
              c,
              backup("fast.bak", "FULL")); // 2048 MB at 50 MB/s: 41 s, raised to the 1 min minimum
      slow =
          Jdbc.submit(
              s,
              "exec msdb.dbo.rds_backup_database @source_db_name='Big', @s3_arn_to_backup_to='"
                  + BUCKET
                  + "big.bak'"); // 6000 MB at 10 MB/s: 10 minutes
      h.advance(Duration.ofMinutes(7));
      Map<String, Object> half = Jdbc.task(s, slow);
      assertThat(half).containsEntry("lifecycle", "IN_PROGRESS");
      assertThat((int) half.get("duration(mins)")).isBetween(5, 7);
      h.advance(Duration.ofMinutes(6));
      assertThat(Jdbc.task(s, slow))
          .containsEntry("lifecycle", "SUCCESS")
          .containsEntry("duration(mins)", 10);
    }
    assertThat(Jdbc.task(c, fast))
        .containsEntry("lifecycle", "SUCCESS")
        .containsEntry("duration(mins)", 1);
  }

  @Test
  void theSimulatorRunsTheBackupScheduleItself() throws Exception {
    h.advance(Duration.ofHours(24).plusMinutes(10));
    try (Connection s = h.connect("scheduled")) {
      List<Map<String, Object>> tasks = Jdbc.rows(s, "exec msdb.dbo.rds_task_status @db_name='A'");
      Map<Object, Long> byType =
          tasks.stream()
              .collect(Collectors.groupingBy(t -> t.get("task_type"), Collectors.counting()));
      assertThat(byType)
          .containsEntry("BACKUP_DB", 1L)
          .containsEntry("BACKUP_DB_DIFFERENTIAL", 24L);
      assertThat(tasks).extracting(t -> t.get("lifecycle")).containsOnly("SUCCESS");
      assertThat(tasks.get(0).get("S3_object_arn"))
          .isEqualTo(BUCKET + "scheduled/A/A_DIFF_20261127T001500.bak");
    }
  }

  private List<String> keys(String prefix) {
    var rds = h.instance("prod").rds();
    return rds.locked(() -> rds.s3().bucket("backups").list(prefix)).stream()
        .map(S3Object::location)
        .map(l -> l.key())
        .toList();
  }

  private String state(String db) throws Exception {
    return (String) Jdbc.scalar(c, "SELECT state_desc FROM sys.databases WHERE name = ?", db);
  }

  private static String backup(String key, String type) {
    return "exec msdb.dbo.rds_backup_database @source_db_name='Sales', @s3_arn_to_backup_to='"
        + BUCKET
        + key
        + "', @type='"
        + type
        + "'";
  }

  private static String restore(String db, String key, String type, Integer noRecovery) {
    return "exec msdb.dbo.rds_restore_database @restore_db_name='"
        + db
        + "', @s3_arn_to_restore_from='"
        + BUCKET
        + key
        + "', @type='"
        + type
        + "'"
        + (noRecovery == null ? "" : ", @with_norecovery=" + noRecovery);
  }
}
