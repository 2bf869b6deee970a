package io.rdswatch.exporter.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The reference's §7 task_info samples and §8 documented error strings, verbatim, each mapped to its
 * reason. (The simulator's own texts go through the real agent in the agent's FailureReasonsE2eTest.)
 */
class FailureClassifierTest {

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(delimiter = '|', textBlock = """
      [2017-08-05 00:09:08.180] Aborted the task because of a task failure or an overlap with your preferred backup window for RDS automated backup. [2017-08-05 00:09:37.960] BACKUP DATABASE is terminating abnormally. | backup_window_overlap
      [2025-10-06 03:05:41.697] Aborting native backup because there is an RDS automated backup in progress. BACKUP DATABASE is terminating abnormally. | backup_window_overlap
      Database backup/restore option is not enabled yet or is in the process of being enabled. Please try again later. | option_not_enabled
      The EXECUTE permission was denied on the object 'rds_backup_database', database 'msdb', schema 'dbo'. | permission
      The EXECUTE permission was denied on the object 'rds_restore_database', database 'msdb', schema 'dbo'. | permission
      Access Denied | s3_access_denied
      BACKUP DATABASE WITH COMPRESSION isn't supported on Web Edition | engine_error
      Key arn:aws:kms:us-east-1:123456789012:key/1a2b3c does not exist | kms
      Please reissue task with correct type and overwrite property | s3_object_exists
      Please specify a bucket that is in the same region as RDS instance | s3_wrong_region
      The specified bucket does not exist | s3_no_bucket
      User arn:aws:iam::123456789012:role/rds-backup is not authorized to perform kms:GenerateDataKey on resource arn:aws:kms:us-east-1:123456789012:key/1a2b3c | kms
      The Restore task is unable to restore from more than 10 backup file(s). Please reduce the number of files matched and try again. | too_many_files
      Database 'Sales' already exists. Two databases that differ only by case or accent are not allowed. Choose a different database name. | db_exists
      Database Sales cannot be restored because there is already an existing database with the same family_guid on the instance | engine_error
      Write on "A000000": failed: 995(The I/O operation has been aborted.) BACKUP DATABASE is terminating abnormally. | engine_error
      S3 ARN prefix cannot be empty | unknown
      The specified key does not exist. RESTORE DATABASE is terminating abnormally. | s3_no_bucket
      Database 'monkey' does not exist. Make sure that the name is entered correctly. BACKUP DATABASE is terminating abnormally. | engine_error
      Task execution has started. | unknown
      """)
  void documentedTextsMapToTheirReason(String text, String reason) {
    assertThat(FailureClassifier.classify(text).label()).isEqualTo(reason);
  }

  @Test
  void specificTextsWinOverTheTrailingEngineAbort() {
    String taskInfo = "[2026-01-01 00:00:00.000] Task execution has started.\n"
        + "[2026-01-01 00:00:05.000] Cannot find server certificate with thumbprint '0x1F2E'.\n"
        + "[2026-01-01 00:00:05.100] RESTORE DATABASE is terminating abnormally.";

    assertThat(FailureClassifier.classify(taskInfo)).isEqualTo(FailureReason.TDE_CERTIFICATE);
    assertThat(FailureClassifier.classify(taskInfo.toUpperCase())).isEqualTo(FailureReason.TDE_CERTIFICATE);
  }

  @Test
  void nothingIsUnknownAndTheSetIsTheIssuesThirteen() {
    assertThat(FailureClassifier.classify(null)).isEqualTo(FailureReason.UNKNOWN);
    assertThat(FailureClassifier.classify("  ")).isEqualTo(FailureReason.UNKNOWN);
    Set<String> labels = Arrays.stream(FailureReason.values()).map(FailureReason::label).collect(Collectors.toSet());
    assertThat(labels).containsExactlyInAnyOrder("backup_window_overlap", "s3_wrong_region", "s3_access_denied",
        "s3_no_bucket", "s3_object_exists", "kms", "tde_certificate", "db_exists", "too_many_files",
        "option_not_enabled", "permission", "engine_error", "unknown");
    assertThat(EnumSet.allOf(FailureReason.class)).hasSize(13);
  }
}
