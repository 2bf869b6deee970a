package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each documented failure (docs/rds-facts.md, "Documented errors") through the real driver: the
 * ones raised at submit as SQL errors, and the ones that end a task in ERROR with their task_info
 * text.
 */
class DocumentedErrorsE2eTest extends ProdInstanceE2e {
  static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/good";
  static final String BAD_KEY = "arn:aws:kms:us-east-1:123456789012:key/no-grant";
  static final String PRINT = "0x1F2E3D4C5B6A79880796A5B4C3D2E1F001122334";

  @Override
  String scenario() {
    StringBuilder eleven = new StringBuilder();
    for (int i = 1; i <= 11; i++) {
      eleven
          .append("      - {arn: \"arn:aws:s3:::backups/striped/big")
          .append(i)
          .append("-of-11.bak\"}\n");
    }
    return """
        instances:
          - name: prod
            databases:
              - {name: Sales, size_mb: 10240}
            logins: [{name: monitor, password: pw, execute: [rds_task_status]}]
            buckets:
              - {name: backups, region: us-east-1}
              - {name: eu-bucket, region: eu-west-1}
              - {name: locked, region: us-east-1, access_denied: true}
            kms_keys:
              - {arn: "%s"}
              - {arn: "%s", authorized: false}
            objects:
              - {arn: "arn:aws:s3:::backups/exists.bak"}
              - {arn: "arn:aws:s3:::backups/onprem_tde.bak", tde_certificate: "%s"}
              - {arn: "arn:aws:s3:::backups/encrypted.bak", kms_key: "%s"}
        %s
          - name: no-option
            backup_restore_option: false
            databases: [{name: Sales}]
          - name: windowed
            backup_window: "00:05-00:35"
            databases: [{name: Big, size_mb: 40960}]
            buckets: [{name: backups, region: us-east-1}]
        """
        .formatted(KEY, BAD_KEY, PRINT, KEY, eleven);
  }

  /** Submits, lets the task run, and returns its final row. */
  private Map<String, Object> runTask(String sql) throws Exception {
    int id = Jdbc.submit(c, sql);
    h.advance(Duration.ofMinutes(8)); // at most 2 min in CREATED, then 10 GB at 50 MB/s
    return Jdbc.task(c, id);
  }

  private Map<String, Object> backupTo(String arn, String extra) throws Exception {
    return runTask(
        "exec msdb.dbo.rds_backup_database @source_db_name='Sales', @s3_arn_to_backup_to='"
            + arn
            + "'"
            + extra);
  }

  private Map<String, Object> restoreFrom(String arn, String extra) throws Exception {
    return runTask(
        "exec msdb.dbo.rds_restore_database @restore_db_name='Restored', @s3_arn_to_restore_from='"
            + arn
            + "'"
            + extra);
  }

  private static void assertError(Map<String, Object> task, String text) {
    assertThat(task.get("lifecycle")).isEqualTo("ERROR");
    assertThat((String) task.get("task_info")).contains("Task execution has started.", text);
  }

  @Test
  void bucketInAnotherRegionFailsTheTask() throws Exception {
    assertError(
        backupTo("arn:aws:s3:::eu-bucket/s.bak", ""),
        "] Please specify a bucket that is in the same region as RDS instance");
  }

  @Test
  void accessDeniedFailsTheTask() throws Exception {
    assertError(backupTo("arn:aws:s3:::locked/s.bak", ""), "] Access Denied");
  }

  @Test
  void aMissingBucketFailsTheTask() throws Exception {
    assertError(
        backupTo("arn:aws:s3:::nowhere/s.bak", ""), "] The specified bucket does not exist");
  }

  @Test
  void anExistingObjectWithoutOverwriteFailsTheTaskAndOverwriteSucceeds() throws Exception {
    assertError(
        backupTo("arn:aws:s3:::backups/exists.bak", ""),
        "] Please reissue task with correct type and overwrite property");
    assertThat(backupTo("arn:aws:s3:::backups/exists.bak", ", @overwrite_s3_backup_file=1"))
        .containsEntry("lifecycle", "SUCCESS");
  }

  @Test
  void aMissingOrUnauthorizedKmsKeyFailsTheTask() throws Exception {
    String missing = "arn:aws:kms:us-east-1:123456789012:key/gone";
    assertError(
        backupTo("arn:aws:s3:::backups/k1.bak", ", @kms_master_key_arn='" + missing + "'"),
        "] Key " + missing + " does not exist");
    assertError(
        backupTo("arn:aws:s3:::backups/k2.bak", ", @kms_master_key_arn='" + BAD_KEY + "'"),
        "] User arn:aws:iam::123456789012:role/rds-prod-backup-restore is not authorized to perform "
            + "kms:GenerateDataKey on resource "
            + BAD_KEY);
  }

  @Test
  void restoringOntoAnExistingNameIsRefusedAtSubmitWhateverTheCase() {
    Jdbc.failsWith(
        c,
        "exec msdb.dbo.rds_restore_database @restore_db_name='SALES', @s3_arn_to_restore_from='arn:aws:s3:::backups/x.bak'",
        50000,
        "Database 'SALES' already exists. Two databases that differ only by case or accent are not allowed. "
            + "Choose a different database name.");
  }

  @Test
  void moreThanTenFilesIsRefused() throws Exception {
    Jdbc.failsWith(
        c,
        "exec msdb.dbo.rds_backup_database @source_db_name='Sales', @s3_arn_to_backup_to='arn:aws:s3:::backups/m*.bak', "
            + "@number_of_files=11",
        50000,
        "The Backup task is unable to back up to more than 10 backup file(s) (@number_of_files = 11). "
            + "Please reduce the number of files and try again.");
    assertError(
        restoreFrom("arn:aws:s3:::backups/striped/big*", ""),
        "] The Restore task is unable to restore from more than 10 backup file(s). "
            + "Please reduce the number of files matched and try again.");
  }

  @Test
  void aBackupOverlappingTheAutomatedBackupWindowIsAborted() throws Exception {
    Map<String, Object> task;
    try (Connection w = h.connect("windowed")) {
      int id =
          Jdbc.submit(
              w,
              "exec msdb.dbo.rds_backup_database @source_db_name='Big', @s3_arn_to_backup_to='arn:aws:s3:::backups/big.bak'");
      h.advance(Duration.ofMinutes(15));
      task = Jdbc.task(w, id);
    }
    assertError(
        task,
        "] Aborted the task because of a task failure or an overlap with your preferred backup window "
            + "for RDS automated backup.");
    assertThat((String) task.get("task_info"))
        .contains(
            "[2026-11-27 00:05:03.000] Aborting native backup because there "
                + "is an RDS automated backup in progress.",
            "big.bak: S3 processing has been aborted",
            "Task has been aborted");
    assertThat((int) task.get("% complete")).isBetween(5, 95);
  }

  @Test
  void aTdeBackupWithoutItsCertificateFailsTheRestore() throws Exception {
    assertError(
        restoreFrom("arn:aws:s3:::backups/onprem_tde.bak", ""),
        "] Cannot find server certificate with thumbprint '" + PRINT + "'.");
  }

  @Test
  void aKmsEncryptedBackupRestoredWithoutItsKeyFails() throws Exception {
    assertError(
        restoreFrom("arn:aws:s3:::backups/encrypted.bak", ""), "] Key (none) does not exist");
    assertThat(
            restoreFrom(
                "arn:aws:s3:::backups/encrypted.bak", ", @kms_master_key_arn='" + KEY + "'"))
        .containsEntry("lifecycle", "SUCCESS");
  }

  @Test
  void withoutTheOptionProceduresAreRefused() throws Exception {
    try (Connection other = h.connect("no-option")) {
      Jdbc.failsWith(
          other,
          "exec msdb.dbo.rds_backup_database @source_db_name='Sales', @s3_arn_to_backup_to='arn:aws:s3:::b/s.bak'",
          50000,
          "Database backup/restore option is not enabled yet or is in the process of being enabled. Please try again later.");
    }
  }

  @Test
  void aLoginWithoutTheGrantGetsExecutePermissionDenied() throws Exception {
    try (Connection monitor = h.connect("prod", "monitor", "pw")) {
      Jdbc.failsWith(
          monitor,
          "exec msdb.dbo.rds_backup_database @source_db_name='Sales', @s3_arn_to_backup_to='arn:aws:s3:::backups/s.bak'",
          229,
          "The EXECUTE permission was denied on the object 'rds_backup_database', database 'msdb', schema 'dbo'.");
      Jdbc.failsWith(
          monitor,
          "exec msdb.dbo.rds_restore_database @restore_db_name='x', @s3_arn_to_restore_from='arn:aws:s3:::backups/s.bak'",
          229,
          "The EXECUTE permission was denied on the object 'rds_restore_database', database 'msdb', schema 'dbo'.");
      assertThat(Jdbc.rows(monitor, "exec msdb.dbo.rds_task_status")).isEmpty();
    }
  }

  @Test
  void anEmptyRestoreArnIsRefusedAtSubmit() {
    Jdbc.failsWith(
        c,
        "exec msdb.dbo.rds_restore_database @restore_db_name='x', @s3_arn_to_restore_from=''",
        50000,
        "S3 ARN prefix cannot be empty");
  }
}
