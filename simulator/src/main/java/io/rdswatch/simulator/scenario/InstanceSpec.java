package io.rdswatch.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One instance of a scenario file, as written (snake_case keys; null means "use the default").
 * {@link InstanceFactory} validates it and builds the instance. The nested records are the file's
 * sub-sections.
 *
 * @param backupWindow RDS PreferredBackupWindow syntax, e.g. "04:00-04:30" (UTC)
 * @param failureRates chance per scheduled backup of each injectable failure, e.g.
 *     s3_access_denied: 0.02
 * @param taskInfo wordings of task_info that differ between engine versions; null for the current
 *     ones
 * @param timezone the server time zone as RDS names it, e.g. "Tokyo Standard Time"; UTC when absent
 * @param forceSsl {@code rds.force_ssl=1}: logins that are not encrypted are refused
 */
public record InstanceSpec(
    String name,
    String region,
    String accountId,
    Boolean backupRestoreOption,
    String backupWindow,
    Double throughputMbPerS,
    Long storageGb,
    Long freeGb,
    List<LoginSpec> logins,
    List<String> tdeCertificates,
    List<DatabaseYaml> databases,
    List<BucketSpec> buckets,
    List<KeySpec> kmsKeys,
    List<ObjectSpec> objects,
    List<ScheduleSpec> schedule,
    Map<String, Double> failureRates,
    FaultSpec faults,
    TaskInfoSpec taskInfo,
    String timezone,
    Boolean forceSsl) {

  public InstanceSpec {
    logins = logins == null ? List.of() : List.copyOf(logins);
    tdeCertificates = tdeCertificates == null ? List.of() : List.copyOf(tdeCertificates);
    databases = databases == null ? List.of() : List.copyOf(databases);
    buckets = buckets == null ? List.of() : List.copyOf(buckets);
    kmsKeys = kmsKeys == null ? List.of() : List.copyOf(kmsKeys);
    objects = objects == null ? List.of() : List.copyOf(objects);
    schedule = schedule == null ? List.of() : List.copyOf(schedule);
    failureRates = failureRates == null ? Map.of() : Map.copyOf(failureRates);
  }

  /** An instance with every default and nothing in it. */
  public static InstanceSpec named(String name) {
    return new InstanceSpec(
        name, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  public InstanceSpec withName(String newName) {
    return new InstanceSpec(
        newName,
        region,
        accountId,
        backupRestoreOption,
        backupWindow,
        throughputMbPerS,
        storageGb,
        freeGb,
        logins,
        tdeCertificates,
        databases,
        buckets,
        kmsKeys,
        objects,
        schedule,
        failureRates,
        faults,
        taskInfo,
        timezone,
        forceSsl);
  }

  /**
   * A login besides the master user; {@code execute} lists the msdb procedures it may run, {@code
   * select} the msdb table-valued functions it may read ("*" for all).
   */
  public record LoginSpec(
      String name, String password, List<String> execute, List<String> select) {}

  /**
   * @param tde TDE on (a certificate thumbprint is derived from the name unless {@code
   *     tdeCertificate} is given)
   * @param corrupt DBCC CHECKDB reports corruption, and so will databases restored from its backups
   * @param tables table name → row count
   */
  public record DatabaseYaml(
      String name,
      Long sizeMb,
      String recoveryModel,
      Boolean tde,
      String tdeCertificate,
      Boolean corrupt,
      Map<String, Long> tables) {}

  /**
   * @param expireDays objects older than this disappear (an S3 lifecycle rule); default 14
   */
  public record BucketSpec(String name, String region, Boolean accessDenied, Integer expireDays) {}

  /**
   * @param authorized the instance's role may use the key (default true)
   */
  public record KeySpec(String arn, Boolean authorized) {}

  /**
   * An object already in a bucket when the scenario starts.
   *
   * @param notABackup the object is not a native backup (a restore from it fails)
   */
  public record ObjectSpec(
      String arn,
      String sourceDb,
      String type,
      Long sizeMb,
      String kmsKey,
      String tdeCertificate,
      Boolean corrupt,
      // SNAKE_CASE would spell it not_abackup; the documented key is not_a_backup
      @JsonProperty("not_a_backup") Boolean notABackup,
      Map<String, Long> tables) {}

  /**
   * A recurring backup job.
   *
   * @param at first run: a UTC time of day ("01:30"), or relative to the scenario start
   *     ("start-20m")
   * @param databases names to back up; empty or absent for every database the scenario declares
   * @param key object key pattern with {instance}, {db}, {type}, {ts}; one '*' when files > 1
   * @param until last run: relative to the scenario start ("start-3h"); absent for never ending
   * @param type FULL or DIFFERENTIAL for backups; DOWNLOAD_FROM_S3, UPLOAD_TO_S3 (with bucket, key
   *     and path), LIST_FILES_ON_DISK or DELETE_FILES_ON_DISK (with path) for an S3-integration
   *     task taking one of the two task slots
   * @param path the S3-integration task's file under D:\S3\
   */
  public record ScheduleSpec(
      String type,
      String every,
      String at,
      List<String> databases,
      String bucket,
      String key,
      String kmsKey,
      Integer files,
      Boolean overwrite,
      String until,
      String path) {

    public ScheduleSpec(
        String type,
        String every,
        String at,
        List<String> databases,
        String bucket,
        String key,
        String kmsKey,
        Integer files,
        Boolean overwrite) {
      this(type, every, at, databases, bucket, key, kmsKey, files, overwrite, null, null);
    }
  }

  /**
   * @param windowAbort "explicit" (default): a backup aborted by the automated backup window logs
   *     the newer explicit line; "legacy": only the generic abort line and the I/O error 995 lines
   * @param existingNameRestore "submit_error" (default): a restore onto a name in use fails at
   *     submit with the documented error; "task_error": it fails in the task with the file_guids
   *     text
   */
  public record TaskInfoSpec(String windowAbort, String existingNameRestore) {}

  /**
   * Faults switched on from the start.
   *
   * @param failedOver the instance has just failed over (Multi-AZ): logins other than the master
   *     user have lost their msdb grants
   */
  public record FaultSpec(
      Boolean down,
      Boolean loginFailure,
      Long latencyMs,
      Integer dropAfterRows,
      ColumnFaultSpec statusColumns,
      Boolean taskStatusFunctionMissing,
      String checkdb,
      Boolean failedOver) {}

  /** Exactly one of: a missing column, an extra column, or a rename. */
  public record ColumnFaultSpec(String missing, String extra, RenameSpec renamed) {}

  public record RenameSpec(String from, String to) {}
}
