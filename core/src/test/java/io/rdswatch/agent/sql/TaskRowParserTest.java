package io.rdswatch.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser's leniency rules on the JDK's own ResultSet implementation; the real driver path is
 * covered end to end against the simulator.
 */
class TaskRowParserTest {

  /** The 14 documented columns, spelled as the native-backup page does. */
  private static final List<String> DOCUMENTED =
      List.of(
          "task_id",
          "task_type",
          "database_name",
          "% complete",
          "duration (mins)",
          "lifecycle",
          "task_info",
          "last_updated",
          "created_at",
          "S3_object_arn",
          "overwrite_s3_backup_file",
          "KMS_master_key_arn",
          "filepath",
          "overwrite_file");

  private static Object[] documentedRow() {
    return new Object[] {
      7,
      "BACKUP_DB",
      "orders",
      45,
      12,
      "IN_PROGRESS",
      "[2025-01-01 03:00:00.000] Task execution has started.",
      Timestamp.valueOf(LocalDateTime.parse("2025-01-01T03:12:00")),
      Timestamp.valueOf(LocalDateTime.parse("2025-01-01T03:00:00")),
      "arn:aws:s3:::bucket/orders.bak",
      1,
      null,
      null,
      null
    };
  }

  @Test
  void readsTheDocumentedColumnsAsUtc() throws Exception {
    List<TaskRow> rows =
        TaskRowParser.parse(RowSets.of(DOCUMENTED, List.<Object[]>of(documentedRow())));

    TaskRow row = rows.get(0);
    assertThat(row.taskId()).isEqualTo(7);
    assertThat(row.taskType()).isEqualTo(TaskType.BACKUP_DB);
    assertThat(row.database()).isEqualTo("orders");
    assertThat(row.percentComplete()).isEqualTo(45);
    assertThat(row.durationMinutes()).isEqualTo(12);
    assertThat(row.lifecycle()).isEqualTo(Lifecycle.IN_PROGRESS);
    assertThat(row.lastUpdated()).isEqualTo(Instant.parse("2025-01-01T03:12:00Z"));
    assertThat(row.createdAt()).isEqualTo(Instant.parse("2025-01-01T03:00:00Z"));
    assertThat(row.s3ObjectArn()).isEqualTo("arn:aws:s3:::bucket/orders.bak");
    assertThat(row.overwriteS3BackupFile()).isTrue();
    assertThat(row.kmsMasterKeyArn()).isNull();
  }

  @Test
  void columnSpellingsVaryAcrossAwsPages() throws Exception {
    List<String> variant =
        List.of(
            "Task_ID",
            "TASK_TYPE",
            "database_name",
            "%complete",
            "duration(mins)",
            "Lifecycle",
            "task_info",
            "last_updated",
            "created_at",
            "s3_object_arn",
            "overwrite_S3_backup_file");
    Object[] row = {
      "8",
      "RESTORE_DB",
      "orders",
      "100",
      "3",
      "SUCCESS",
      "done",
      "2025-01-01 04:00:00.123",
      "2025-01-01T03:57:00",
      "arn",
      "0"
    };

    TaskRow parsed = TaskRowParser.parse(RowSets.of(variant, List.<Object[]>of(row))).get(0);

    assertThat(parsed.taskId()).isEqualTo(8);
    assertThat(parsed.percentComplete()).isEqualTo(100);
    assertThat(parsed.durationMinutes()).isEqualTo(3);
    assertThat(parsed.lastUpdated()).isEqualTo(Instant.parse("2025-01-01T04:00:00.123Z"));
    assertThat(parsed.createdAt()).isEqualTo(Instant.parse("2025-01-01T03:57:00Z"));
    assertThat(parsed.overwriteS3BackupFile()).isFalse();
    assertThat(parsed.kmsMasterKeyArn()).as("an old 11-column engine has no KMS column").isNull();
  }

  @Test
  void extraColumnsAreIgnored() throws Exception {
    List<String> withExtra = new ArrayList<>(DOCUMENTED);
    withExtra.add(3, "task_metadata");
    Object[] documented = documentedRow();
    Object[] row = new Object[documented.length + 1];
    System.arraycopy(documented, 0, row, 0, 3);
    row[3] = "{\"ignored\":true}";
    System.arraycopy(documented, 3, row, 4, documented.length - 3);

    TaskRow parsed = TaskRowParser.parse(RowSets.of(withExtra, List.<Object[]>of(row))).get(0);

    assertThat(parsed.percentComplete()).isEqualTo(45);
    assertThat(parsed.lifecycle()).isEqualTo(Lifecycle.IN_PROGRESS);
  }

  @Test
  void unknownLifecycleAndTaskTypeAreKeptNotThrown() throws Exception {
    Object[] row = documentedRow();
    row[1] = "SSAS_DEPLOY_PROJECT";
    row[5] = "PAUSED";

    TaskRow parsed = TaskRowParser.parse(RowSets.of(DOCUMENTED, List.<Object[]>of(row))).get(0);

    assertThat(parsed.taskType()).isEqualTo(TaskType.OTHER);
    assertThat(parsed.taskTypeRaw()).isEqualTo("SSAS_DEPLOY_PROJECT");
    assertThat(parsed.lifecycle()).isEqualTo(Lifecycle.UNKNOWN);
    assertThat(parsed.lifecycleRaw()).isEqualTo("PAUSED");
  }

  @Test
  void aMissingRequiredColumnIsAParseErrorNamingIt() throws Exception {
    List<String> missing = new ArrayList<>(DOCUMENTED);
    int index = missing.indexOf("% complete");
    missing.remove(index);
    List<Object> row = new ArrayList<>();
    Object[] full = documentedRow();
    for (int i = 0; i < full.length; i++) {
      if (i != index) {
        row.add(full[i]);
      }
    }

    PollException e =
        catchThrowableOfType(
            PollException.class,
            () -> TaskRowParser.parse(RowSets.of(missing, List.<Object[]>of(row.toArray()))));

    assertThat(e.kind()).isEqualTo(PollErrorKind.PARSE);
    assertThat(e.getMessage())
        .startsWith("rds_task_status has no column '% complete' (columns: task_id, task_type");
  }

  @Test
  void anUnreadableValueNamesRowAndColumn() throws Exception {
    Object[] good = documentedRow();
    Object[] bad = documentedRow();
    bad[0] = 8;
    bad[4] = "twelve";

    PollException e =
        catchThrowableOfType(
            PollException.class,
            () -> TaskRowParser.parse(RowSets.of(DOCUMENTED, List.of(good, bad))));

    assertThat(e.kind()).isEqualTo(PollErrorKind.PARSE);
    assertThat(e.getMessage())
        .isEqualTo(
            "rds_task_status row 2, column 'duration (mins)': cannot read 'twelve' as a number");
  }

  @Test
  void taskIdsOutsideRdssRangeAreParseErrorsNeverWrappedNumbers() throws Exception {
    for (Object id : new Object[] {0, -5, 2_147_483_648L, "18446744073709551623", "7.5"}) {
      Object[] row = documentedRow();
      row[0] = id;

      PollException e =
          catchThrowableOfType(
              PollException.class,
              () -> TaskRowParser.parse(RowSets.of(DOCUMENTED, List.<Object[]>of(row))));

      assertThat(e).as(String.valueOf(id)).isNotNull();
      assertThat(e.kind()).isEqualTo(PollErrorKind.PARSE);
      assertThat(e.getMessage())
          .isEqualTo(
              "rds_task_status row 1, column 'task_id': '"
                  + id
                  + "' is outside RDS's task ids (1 to 2147483647)");
    }
  }

  @Test
  void aHugeTaskInfoKeepsItsHeadAndTail() throws Exception {
    Object[] row = documentedRow();
    String head = "[2025-01-01 03:00:00.000] Task execution has started.\n";
    String tail =
        "[2025-01-01 09:00:00.000] Aborted the task because of a task failure or an overlap with your preferred backup window.";
    row[6] = head + "x".repeat(5_000_000) + tail;

    String info =
        TaskRowParser.parse(RowSets.of(DOCUMENTED, List.<Object[]>of(row))).get(0).taskInfo();

    assertThat(info.length()).isLessThan(64 * 1024 + 100);
    assertThat(info).startsWith(head).endsWith(tail).contains("characters cut by rdswatch");
  }

  @Test
  void normalisationKeepsLettersDigitsAndPercent() {
    assertThat(TaskRowParser.normalise("duration (mins)"))
        .isEqualTo(TaskRowParser.normalise("Duration(Mins)"));
    assertThat(TaskRowParser.normalise("% complete")).isEqualTo("%complete");
    assertThat(TaskRowParser.normalise("overwrite_S3_backup_file"))
        .isEqualTo("overwrites3backupfile");
  }
}
