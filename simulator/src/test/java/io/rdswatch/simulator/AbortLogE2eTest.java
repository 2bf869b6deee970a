package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failed tasks' task_info read through the real driver has the shape of RDS's real logs: the
 * generic abort line on every failed backup (or the RESTORE_DB one on restores), the cause's own
 * lines, then "Task has been aborted", every entry stamped [yyyy-MM-dd HH:mm:ss.SSS]; and the two
 * wordings older engines use (simulator README: task_info as RDS writes it).
 */
class AbortLogE2eTest extends ProdInstanceE2e {
  static final String GENERIC =
      "Aborted the task because of a task failure or an overlap with your preferred backup "
          + "window for RDS automated backup.";
  static final String RESTORE_GENERIC =
      "Aborted the task because of a task failure or a concurrent RESTORE_DB request.";
  static final String EXPLICIT =
      "Aborting native backup because there is an RDS automated backup in progress.";

  @Override
  String scenario() {
    return """
        instances:
          - name: prod
            databases: [{name: Sales, size_mb: 1024}]
            buckets:
              - {name: backups, region: us-east-1}
              - {name: eu-bucket, region: eu-west-1}
            objects:
              - {arn: "arn:aws:s3:::backups/sales.bak", source_db: Sales, size_mb: 1024}
          - name: explicit
            backup_window: "00:05-00:35"
            databases: [{name: Big, size_mb: 40960}]
            buckets: [{name: backups, region: us-east-1}]
          - name: legacy
            backup_window: "00:05-00:35"
            task_info: {window_abort: legacy, existing_name_restore: task_error}
            databases: [{name: Big, size_mb: 40960}, {name: Sales, size_mb: 1024}]
            buckets: [{name: backups, region: us-east-1}]
            objects:
              - {arn: "arn:aws:s3:::backups/sales.bak", source_db: Sales, size_mb: 1024}
        """;
  }

  /**
   * Submits, lets the task run for {@code wait}, checks it ended in ERROR and returns its
   * task_info, with the task's own id written as "Task ID <id>".
   */
  private String failedTaskInfo(Connection on, String sql, Duration wait) throws Exception {
    int id = Jdbc.submit(on, sql);
    h.advance(wait);
    Map<String, Object> task = Jdbc.task(on, id);
    assertThat(task.get("lifecycle")).isEqualTo("ERROR");
    return ((String) task.get("task_info")).replace("Task ID " + id + " ", "Task ID <id> ");
  }

  private List<String> entries(Connection on, String sql, Duration wait) throws Exception {
    List<String> lines = Arrays.asList(failedTaskInfo(on, sql, wait).split("\n"));
    assertThat(lines)
        .allMatch(l -> l.matches("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}] \\S.*"));
    return lines.stream().map(l -> l.substring(26)).toList();
  }

  private static List<String> from(List<String> lines, String first) {
    return lines.subList(lines.indexOf(first), lines.size());
  }

  @Test
  void aWrongRegionBackupLogsTheGenericLineThenAccessDeniedThenTheCause() throws Exception {
    List<String> lines =
        entries(
            c,
            "exec msdb.dbo.rds_backup_database @source_db_name='Sales', "
                + "@s3_arn_to_backup_to='arn:aws:s3:::eu-bucket/s.bak'",
            Duration.ofMinutes(8));

    assertThat(lines.get(0)).isEqualTo("Task execution has started.");
    assertThat(from(lines, GENERIC))
        .containsExactly(
            GENERIC,
            "Access Denied.",
            "Please specify a bucket that is in the same region as RDS instance.",
            "Task has been aborted");
  }

  @Test
  void aFailedRestoreLogsTheRestoreGenericLine() throws Exception {
    List<String> lines =
        entries(
            c,
            "exec msdb.dbo.rds_restore_database @restore_db_name='Copy', "
                + "@s3_arn_to_restore_from='arn:aws:s3:::backups/nothing-here.bak'",
            Duration.ofMinutes(8));

    assertThat(from(lines, RESTORE_GENERIC))
        .containsExactly(
            RESTORE_GENERIC,
            "No S3 object matches arn:aws:s3:::backups/nothing-here.bak",
            "RESTORE DATABASE is terminating abnormally.",
            "Task has been aborted");
  }

  @Test
  void theWindowAbortLogsTheExplicitLineBeforeTheGenericOne() throws Exception {
    try (Connection w = h.connect("explicit")) {
      List<String> lines =
          entries(
              w,
              "exec msdb.dbo.rds_backup_database @source_db_name='Big', "
                  + "@s3_arn_to_backup_to='arn:aws:s3:::backups/big.bak'",
              Duration.ofMinutes(15));

      assertThat(from(lines, EXPLICIT))
          .hasSize(8)
          .startsWith(EXPLICIT)
          .endsWith("Task has been aborted")
          .contains(
              GENERIC,
              "BACKUP DATABASE is terminating abnormally.",
              "big.bak: S3 processing has been aborted");
      assertThat(lines.indexOf(EXPLICIT)).isLessThan(lines.indexOf(GENERIC));
    }
  }

  @Test
  void theLegacyWindowAbortHasOnlyTheGenericLineAndTheIoErrors() throws Exception {
    try (Connection w = h.connect("legacy")) {
      String info =
          failedTaskInfo(
              w,
              "exec msdb.dbo.rds_backup_database @source_db_name='Big', "
                  + "@s3_arn_to_backup_to='arn:aws:s3:::backups/big.bak'",
              Duration.ofMinutes(15));

      assertThat(info)
          .doesNotContain(EXPLICIT)
          .contains(
              "[2026-11-27 00:05:03.000] " + GENERIC,
              "failed: 995(",
              "BACKUP DATABASE is terminating abnormally.");
      assertThat(info.strip()).endsWith("] Task has been aborted");
    }
  }

  @Test
  void aRestoreOntoAnExistingNameCanFailInTheTaskWithTheFileGuidsText() throws Exception {
    try (Connection w = h.connect("legacy")) {
      String info =
          failedTaskInfo(
              w,
              "exec msdb.dbo.rds_restore_database @restore_db_name='Sales', "
                  + "@s3_arn_to_restore_from='arn:aws:s3:::backups/sales.bak'",
              Duration.ofMinutes(8));

      assertThat(info)
          .contains(
              "] " + RESTORE_GENERIC + "\n[",
              "] Task ID <id> (RESTORE_DB) exception: Database "
                  + "Sales cannot be restored because there is already an existing database with the same file_guids on the "
                  + "instance.\n[");
      assertThat(Jdbc.rows(w, "select name from sys.databases where name = 'Sales'")).hasSize(1);
    }
  }
}
