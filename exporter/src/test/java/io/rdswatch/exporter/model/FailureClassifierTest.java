package io.rdswatch.exporter.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every documented failure text alone and behind the generic abort lines; generic-only logs inside
 * and outside the backup window; multi-file, CRLF, single-line and blank-line shapes. In the texts,
 * "\n" and "\r" stand for line breaks; GEN is the generic backup abort line and GENR the restore
 * one. (The real samples are in RealTaskInfoSamplesTest, the simulator's texts in the agent's
 * end-to-end tests.)
 */
class FailureClassifierTest {

  private static final String GEN =
      "Aborted the task because of a task failure or an overlap with your preferred backup window for RDS automated backup.";
  private static final String GENR =
      "Aborted the task because of a task failure or a concurrent RESTORE_DB request.";

  @ParameterizedTest(name = "[{index}] {3} <- {0} (window {1})")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      Access Denied                                                                   | -           | -                    | s3_access_denied        | Access Denied
      [2026-11-27 05:00:01.100] GEN\\n[2026-11-27 05:00:01.200] Access Denied\\n[2026-11-27 05:00:02.000] Task has been aborted | 02:00-02:30 | - | s3_access_denied | Access Denied
      Please specify a bucket that is in the same region as RDS instance             | -           | -                    | s3_wrong_region         | same region
      GEN\\nAccess Denied.\\nPlease specify a bucket that is in the same region as RDS instance. | 02:00-02:30 | 2026-11-27T02:10:00Z | s3_wrong_region | same region
      The specified bucket does not exist                                             | -           | -                    | s3_no_bucket            | bucket does not exist
      [2026-11-27 05:00:01.100] GEN [2026-11-27 05:00:01.200] The specified bucket does not exist [2026-11-27 05:00:02.000] Task has been aborted | - | - | s3_no_bucket | [2026-11-27 05:00:01.200] The specified bucket does not exist
      The specified key does not exist. RESTORE DATABASE is terminating abnormally.  | -           | -                    | s3_no_bucket            | specified key
      User arn:aws:iam::123456789012:role/rds-backup is not authorized to perform kms:GenerateDataKey on resource arn:aws:kms:us-east-1:123456789012:key/1a2b3c | - | - | kms | not authorized
      [2026-11-27 05:00:01.100] GEN\\r\\n[2026-11-27 05:00:01.200] User arn:aws:iam::123456789012:role/r is not authorized to perform kms:GenerateDataKey on resource k\\r\\n[2026-11-27 05:00:02.000] Task has been aborted\\r\\n | - | - | kms | not authorized
      Key arn:aws:kms:us-east-1:123456789012:key/1a2b3c does not exist               | -           | -                    | kms                     | Key arn
      [2026-11-27 02:10:00.000] GEN\\n[2026-11-27 02:10:00.100] Key arn:aws:kms:eu-west-1:123456789012:key/x does not exist | 02:00-02:30 | - | kms | Key arn
      Cannot find server certificate with thumbprint '0x1F2E'.                        | -           | -                    | tde_certificate         | server certificate
      [2026-11-27 05:00:01.100] GENR\\n[2026-11-27 05:00:01.200] Cannot find server certificate with thumbprint '0x1F2E'.\\n[2026-11-27 05:00:01.300] RESTORE DATABASE is terminating abnormally. | - | - | tde_certificate | server certificate
      Please reissue task with correct type and overwrite property                    | -           | -                    | s3_object_exists        | reissue
      GEN\\nPlease reissue task with correct type and overwrite property\\nTask has been aborted | - | - | s3_object_exists | reissue
      The Restore task is unable to restore from more than 10 backup file(s). Please reduce the number of files matched and try again. | - | - | too_many_files | more than 10
      GENR\\nThe Restore task is unable to restore from more than 10 backup file(s). Please reduce the number of files matched and try again. | - | - | too_many_files | more than 10
      Database 'Sales' already exists. Two databases that differ only by case or accent are not allowed. Choose a different database name. | - | - | db_exists | already exists
      [2026-11-27 05:00:01.100] GENR\\n[2026-11-27 05:00:01.200] Database 'Sales' already exists. Two databases that differ only by case or accent are not allowed. Choose a different database name. | - | - | db_exists | already exists
      Database Sales cannot be restored because there is already an existing database with the same family_guid on the instance | - | - | db_exists | family_guid
      GENR Task ID 7 (RESTORE_DB) exception: Database Sales cannot be restored because there is already an existing database with the same file_guids on the instance. | - | - | db_exists | file_guids
      Database backup/restore option is not enabled yet or is in the process of being enabled. Please try again later. | - | - | option_not_enabled | option is not enabled
      GEN\\nDatabase backup/restore option is not enabled yet or is in the process of being enabled. Please try again later. | 00:00-23:59 | 2026-11-27T05:00:00Z | option_not_enabled | option is not enabled
      The EXECUTE permission was denied on the object 'rds_backup_database', database 'msdb', schema 'dbo'. | - | - | permission | EXECUTE permission
      The EXECUTE permission was denied on the object 'rds_restore_database', database 'msdb', schema 'dbo'. | - | - | permission | EXECUTE permission
      BACKUP DATABASE WITH COMPRESSION isn't supported on Web Edition                 | -           | -                    | compression_unsupported | COMPRESSION
      GEN\\nBACKUP DATABASE WITH COMPRESSION isn't supported on Web Edition\\nBACKUP DATABASE is terminating abnormally. | - | - | compression_unsupported | COMPRESSION
      [2026-11-27 05:00:00.000] Aborting native backup because there is an RDS automated backup in progress. | - | - | backup_window_overlap | automated backup in progress
      [2026-11-27 05:00:00.000] Aborting native backup because there is an RDS automated backup in progress.\\n[2026-11-27 05:00:01.000] GEN\\n[2026-11-27 05:00:08.000] Task has been aborted | 02:00-02:30 | - | backup_window_overlap | automated backup in progress
      [2026-11-27 02:09:08.180] GEN\\n[2026-11-27 02:09:37.960] BACKUP DATABASE is terminating abnormally. | 02:00-02:30 | - | backup_window_overlap | [2026-11-27 02:09:08.180] Aborted the task
      [2026-11-27 05:09:08.180] GEN\\n[2026-11-27 05:09:37.960] BACKUP DATABASE is terminating abnormally. | 02:00-02:30 | - | engine_error | terminating abnormally
      [2026-11-27 05:09:08.180] GEN\\n[2026-11-27 05:09:09.000] Task has been aborted | 02:00-02:30 | - | unknown | -
      [2026-11-27 02:09:08.180] GEN                                                   | -           | -                    | unknown                 | -
      GEN\\nTask has been aborted                                                      | 02:00-02:30 | 2026-11-27T02:15:00Z | backup_window_overlap   | Aborted the task
      GEN\\nTask has been aborted                                                      | 02:00-02:30 | 2026-11-27T04:15:00Z | unknown                 | -
      [2026-11-28 00:10:00.000] GEN                                                   | 23:30-00:30 | -                    | backup_window_overlap   | Aborted the task
      [2026-11-28 00:40:00.000] GEN                                                   | 23:30-00:30 | -                    | unknown                 | -
      [2026-11-27 05:00:01.100] GENR\\n[2026-11-27 05:00:02.000] Task has been aborted | 00:00-23:59 | -                    | unknown                 | -
      [2026-11-27 05:00:02.000] Task has been aborted                                 | -           | -                    | unknown                 | -
      [2026-11-27 05:00:00.000] Task execution has started.\\n[2026-11-27 05:00:00.007] BACKUP_DB task will initiate a multi-file task with 4 file(s).\\n[2026-11-27 05:20:00.000] Write on "f1" failed: 995(The I/O operation has been aborted.)\\n[2026-11-27 05:20:00.010] BACKUP DATABASE is terminating abnormally.\\n[2026-11-27 05:20:01.000] GEN\\n[2026-11-27 05:20:01.100] Sales_1-of-4: Aborting S3 upload, waiting for S3 workers to clean up and exit\\n[2026-11-27 05:20:01.200] Sales_2-of-4: Aborting S3 upload, waiting for S3 workers to clean up and exit\\n[2026-11-27 05:20:02.000] Task has been aborted | 02:00-02:30 | - | engine_error | terminating abnormally
      [2026-11-27 02:05:00.000] Task execution has started.\\n[2026-11-27 02:05:00.007] BACKUP_DB task will initiate a multi-file task with 4 file(s).\\n[2026-11-27 02:20:01.000] GEN\\n[2026-11-27 02:20:01.100] Sales_1-of-4: Aborting S3 upload, waiting for S3 workers to clean up and exit\\n[2026-11-27 02:20:01.200] Sales_1-of-4: S3 processing has been aborted\\n[2026-11-27 02:20:30.000] BACKUP DATABASE is terminating abnormally. | 02:00-02:30 | - | backup_window_overlap | [2026-11-27 02:20:01.000] Aborted
      \\n\\n[2026-11-27 05:00:01.100] GEN\\n\\n\\n\\n[2026-11-27 05:00:01.200] Access Denied\\n\\n\\n\\n[2026-11-27 05:00:02.000] Task has been aborted\\n\\n | - | - | s3_access_denied | [2026-11-27 05:00:01.200] Access Denied
      \\r\\n\\r\\n[2026-11-27 02:01:00.000] GEN\\r\\n\\r\\n\\r\\n\\r\\n[2026-11-27 02:01:30.000] BACKUP DATABASE is terminating abnormally.\\r\\n | 02:00-02:30 | - | backup_window_overlap | [2026-11-27 02:01:00.000] Aborted
      Database 'monkey' does not exist. Make sure that the name is entered correctly. BACKUP DATABASE is terminating abnormally. | - | - | engine_error | terminating abnormally
      S3 ARN prefix cannot be empty                                                   | -           | -                    | unknown                 | -
      Task execution has started.                                                     | -           | -                    | unknown                 | -
      """)
  void eachTextGetsItsReasonAndEvidence(
      String text, String window, String lastUpdated, String reason, String evidence) {
    String log =
        text.replace("\\r", "\r").replace("\\n", "\n").replace("GENR", GENR).replace("GEN", GEN);
    Instant updated = lastUpdated == null ? null : Instant.parse(lastUpdated);

    Classification c = FailureClassifier.classify(log, updated, WindowForTest.of(window));

    assertThat(c.label()).isEqualTo(reason);
    if (evidence == null) {
      assertThat(c.evidence()).isNull();
    } else {
      assertThat(c.evidence()).contains(evidence).doesNotContain("\n").doesNotContain("\r");
    }
  }

  @Test
  void caseDoesNotMatter() {
    String taskInfo =
        "[2026-01-01 00:00:00.000] Task execution has started.\n"
            + "[2026-01-01 00:00:05.000] Cannot find server certificate with thumbprint '0x1F2E'.\n"
            + "[2026-01-01 00:00:05.100] RESTORE DATABASE is terminating abnormally.";

    assertThat(FailureClassifier.classify(taskInfo)).isEqualTo(FailureReason.TDE_CERTIFICATE);
    assertThat(FailureClassifier.classify(taskInfo.toUpperCase()))
        .isEqualTo(FailureReason.TDE_CERTIFICATE);
  }

  @Test
  void theEntryTimeGoesThroughTheContextsServerClock() {
    String log = "[2026-11-27 03:10:00.000] " + GEN;
    FailureContext window = WindowForTest.of("02:00-02:30");
    // a server one hour ahead of UTC: its 03:10 is 02:10 UTC, inside the window
    FailureContext utcPlusOne =
        new FailureContext(
            window.inBackupWindow(), new ServerTime(java.time.ZoneOffset.ofHours(1)));

    assertThat(FailureClassifier.classify(log, null, window).reason())
        .isEqualTo(FailureReason.UNKNOWN);
    assertThat(FailureClassifier.classify(log, null, utcPlusOne).reason())
        .isEqualTo(FailureReason.BACKUP_WINDOW_OVERLAP);
  }

  @Test
  void nothingIsUnknownAndTheSetIsBounded() {
    assertThat(FailureClassifier.classify(null)).isEqualTo(FailureReason.UNKNOWN);
    assertThat(FailureClassifier.classify("  ")).isEqualTo(FailureReason.UNKNOWN);
    Set<String> labels =
        Arrays.stream(FailureReason.values()).map(FailureReason::label).collect(Collectors.toSet());
    assertThat(labels)
        .containsExactlyInAnyOrder(
            "backup_window_overlap",
            "s3_wrong_region",
            "s3_access_denied",
            "s3_no_bucket",
            "s3_object_exists",
            "kms",
            "tde_certificate",
            "db_exists",
            "too_many_files",
            "option_not_enabled",
            "permission",
            "compression_unsupported",
            "engine_error",
            "unknown");
  }
}
