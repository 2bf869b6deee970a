package io.rdswatch.simulator.rds;

import java.util.List;
import java.util.Locale;

/**
 * Failures that end a task in ERROR, with the task_info text of RDS. Each constant says why it
 * surfaces late (in task_info) rather than as a SQL error at submit; the submit-time ones live in
 * {@link SubmitErrors}.
 *
 * <p>{@code injectable} failures may be chosen by a scenario's per-reason failure rates for
 * scheduled backups. {@code early} ones end the task seconds after it starts (RDS's checks before
 * any data moves); the others strike mid-run.
 */
public enum TaskFailure {
  /** Late: the bucket is looked up by the RDS agent once the task runs (S3 NoSuchBucket). */
  S3_NO_BUCKET(true, true),
  /** Late: GetBucketLocation is only called when the task runs. */
  S3_WRONG_REGION(true, true),
  /** Late: S3 answers 403 to the running task; also for an ARN RDS cannot use. */
  S3_ACCESS_DENIED(true, true),
  /** Late: whether the object exists is only known when the upload starts. */
  S3_OBJECT_EXISTS(true, true),
  /** Late: a restore from an object that is not a native backup, or of the wrong @type. */
  NOT_A_BACKUP(false, true),
  /** Late: a restore ARN that matches no object. */
  OBJECT_NOT_FOUND(false, true),
  /** Late: KMS is called (GenerateDataKey / Decrypt) by the running task. */
  KMS_KEY_MISSING(true, true),
  /** Late: as KMS_KEY_MISSING; the key policy refuses the instance's role. */
  KMS_NOT_AUTHORIZED(true, true),
  /** Late: only the running restore reads the object's encryption metadata. */
  KMS_ENCRYPTED_NO_KEY(false, true),
  /** Late: counting the files behind a '*' prefix needs an S3 listing (documented text). */
  TOO_MANY_FILES(false, true),
  /** Late: SQL Server's RESTORE finds the missing certificate when it opens the backup. */
  TDE_CERTIFICATE_MISSING(false, true),
  /** Late: a database of that name appeared between submit and start. */
  DB_EXISTS(false, true),
  /**
   * Late: on instances whose {@link TaskInfoWording} says so, a restore onto a name in use is only
   * refused by the running task (the text older engines log).
   */
  DB_SAME_FILE_GUIDS(false, true),
  /** Late: SQL Server's RESTORE checks free space when it creates the files. */
  INSUFFICIENT_SPACE(false, true),
  /** Late: the database was dropped between submit and start. */
  DATABASE_GONE(false, true),
  /** Late by nature: the automated backup window opens while the backup runs. */
  BACKUP_WINDOW_OVERLAP(true, false),
  /** Late by nature: an I/O error mid-run. */
  ENGINE_ERROR(true, false);

  private final boolean injectable;
  private final boolean early;

  TaskFailure(boolean injectable, boolean early) {
    this.injectable = injectable;
    this.early = early;
  }

  public boolean injectable() {
    return injectable;
  }

  public boolean early() {
    return early;
  }

  /** The name scenario files use, e.g. "s3_wrong_region". */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TaskFailure fromConfigName(String name) {
    for (TaskFailure f : values()) {
      if (f.configName().equalsIgnoreCase(name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown failure reason '" + name + "'; known: " + injectableNames());
  }

  public static List<String> injectableNames() {
    return java.util.Arrays.stream(values())
        .filter(TaskFailure::injectable)
        .map(TaskFailure::configName)
        .toList();
  }

  /**
   * The cause's own task_info lines (without timestamps); {@link AbortLog} adds the generic abort
   * lines RDS writes around them.
   */
  public List<String> lines(FailureFacts f) {
    String abort = f.verb() + " is terminating abnormally.";
    return switch (this) {
      case S3_NO_BUCKET -> List.of("The specified bucket does not exist", abort);
      // as RDS logs it: the S3 call's "Access Denied." comes first, then the cause
      case S3_WRONG_REGION ->
          List.of(
              "Access Denied.",
              "Please specify a bucket that is in the same region as RDS instance.");
      case S3_ACCESS_DENIED -> List.of("Access Denied", abort);
      case S3_OBJECT_EXISTS, NOT_A_BACKUP ->
          List.of("Please reissue task with correct type and overwrite property", abort);
      case OBJECT_NOT_FOUND -> List.of("No S3 object matches " + f.arn(), abort);
      case KMS_KEY_MISSING -> List.of("Key " + f.kmsKeyArn() + " does not exist", abort);
      case KMS_NOT_AUTHORIZED ->
          List.of(
              "User "
                  + f.roleArn()
                  + " is not authorized to perform "
                  + (f.type().isBackup() ? "kms:GenerateDataKey" : "kms:Decrypt")
                  + " on resource "
                  + f.kmsKeyArn(),
              abort);
      case KMS_ENCRYPTED_NO_KEY ->
          f.kmsKeyArn() == null
              ? List.of(
                  "The backup file "
                      + f.file()
                      + " is encrypted with a KMS key and @kms_master_key_arn was not given.",
                  "Key (none) does not exist",
                  abort)
              : List.of(
                  "The backup file "
                      + f.file()
                      + " cannot be decrypted with KMS key "
                      + f.kmsKeyArn()
                      + ": it was encrypted with another key.",
                  abort);
      case TOO_MANY_FILES ->
          List.of(
              "The Restore task is unable to restore from more than 10 backup file(s). "
                  + "Please reduce the number of files matched and try again.");
      case TDE_CERTIFICATE_MISSING ->
          List.of(
              "Cannot find server certificate with thumbprint '" + f.thumbprint() + "'.", abort);
      case DB_EXISTS ->
          List.of(
              "Database '"
                  + f.database()
                  + "' already exists. Two databases that differ only by case or accent "
                  + "are not allowed. Choose a different database name.");
      case DB_SAME_FILE_GUIDS ->
          List.of(
              "Task ID "
                  + f.taskId()
                  + " ("
                  + f.type()
                  + ") exception: Database "
                  + f.database()
                  + " cannot be "
                  + "restored because there is already an existing database with the same file_guids on the instance.");
      case INSUFFICIENT_SPACE ->
          List.of(
              "There is insufficient free space on disk volume 'D:\\' to create the database. The database requires "
                  + f.neededBytes()
                  + " additional free bytes, while only "
                  + f.freeBytes()
                  + " bytes are available.",
              abort);
      case DATABASE_GONE ->
          List.of(
              "Database '"
                  + f.database()
                  + "' does not exist. Make sure that the name is entered correctly.",
              abort);
      case BACKUP_WINDOW_OVERLAP ->
          List.of(
              "Aborting native backup because there is an RDS automated backup in progress.",
              "Aborted the task because of a task failure or an overlap with your preferred backup window for RDS "
                  + "automated backup.",
              f.file() + ": Aborting S3 upload, waiting for S3 workers to clean up and exit",
              f.file() + ": S3 processing has been aborted",
              "Task has been aborted");
      case ENGINE_ERROR ->
          List.of(
              "Write on \""
                  + f.file()
                  + "\" failed: 995(The I/O operation has been aborted because of either a "
                  + "thread exit or an application request.)",
              abort);
    };
  }
}
