package io.rdswatch.exporter.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps the task_info of a failed task (or a submit-time SQL error) to a bounded reason and the
 * entry that decided it. The README's failure reason table lists the texts behind each reason.
 *
 * <p>RDS writes the same generic abort lines on every aborted task, whatever the cause ("...a task
 * failure or an overlap with your preferred backup window...", "...a task failure or a concurrent
 * RESTORE_DB request.", "Task has been aborted"), so they are never a cause by themselves. A
 * specific text anywhere in the log wins, in table order. Only when none is there does the generic
 * backup abort line count as a backup window overlap, and then only if it was written while the
 * instance's automated backup window was open; else the engine's "terminating abnormally" decides,
 * else unknown.
 */
public final class FailureClassifier {

  /** Matches when the lower-cased entry contains every part, and the pattern (if any) is found. */
  private record Rule(FailureReason reason, List<String> allOf, Pattern pattern) {
    boolean matches(String lower) {
      return allOf.stream().allMatch(lower::contains)
          && (pattern == null || pattern.matcher(lower).find());
    }
  }

  private static Rule text(FailureReason reason, String... allOf) {
    return new Rule(reason, List.of(allOf), null);
  }

  /**
   * @param mustContain a substring of every match, so the regex only runs on likely texts
   */
  private static Rule regex(FailureReason reason, String mustContain, String regex) {
    return new Rule(reason, List.of(mustContain), Pattern.compile(regex));
  }

  /** Written on every aborted backup (README): a cause only through the window's time. */
  static final String GENERIC_BACKUP_ABORT = "overlap with your preferred backup window";

  private static final List<Rule> SPECIFIC =
      List.of(
          text(
              FailureReason.BACKUP_WINDOW_OVERLAP,
              "aborting native backup because there is an rds automated backup in progress"),
          text(FailureReason.S3_WRONG_REGION, "bucket that is in the same region"),
          text(FailureReason.S3_NO_BUCKET, "the specified bucket does not exist"),
          // S3's NoSuchKey, and the simulator's text for a restore ARN that matches no object
          text(FailureReason.S3_NO_BUCKET, "the specified key does not exist"),
          text(FailureReason.S3_NO_BUCKET, "no s3 object matches"),
          text(FailureReason.KMS, "is not authorized to perform", "kms"),
          // "Key <ARN> does not exist": a word must sit between, so S3's "specified key does not
          // exist" above and "Database 'monkey' does not exist" below stay out of kms
          regex(FailureReason.KMS, "does not exist", "\\bkey [^\\s']+ does not exist"),
          text(FailureReason.KMS, "cannot be decrypted with kms key"),
          text(FailureReason.TDE_CERTIFICATE, "cannot find server certificate"),
          text(
              FailureReason.S3_OBJECT_EXISTS,
              "reissue task with correct type and overwrite property"),
          text(FailureReason.TOO_MANY_FILES, "unable to restore from more than 10 backup file"),
          text(FailureReason.TOO_MANY_FILES, "unable to back up to more than 10 backup file"),
          text(FailureReason.DB_EXISTS, "already exists", "differ only by case or accent"),
          // the restore clashes with a database already on the instance (older engines word it so)
          text(FailureReason.DB_EXISTS, "already an existing database with the same file_guid"),
          text(FailureReason.DB_EXISTS, "already an existing database with the same family_guid"),
          text(FailureReason.OPTION_NOT_ENABLED, "backup/restore option is not enabled"),
          text(FailureReason.PERMISSION, "execute permission was denied"),
          // after the region rule: that text comes with an "Access Denied." entry too
          text(FailureReason.S3_ACCESS_DENIED, "access denied"),
          text(FailureReason.COMPRESSION_UNSUPPORTED, "with compression isn't supported"));

  private static final Rule ENGINE = text(FailureReason.ENGINE_ERROR, "terminating abnormally");

  private FailureClassifier() {}

  /** A text without a known window or task time, e.g. a SQL error raised at submit. */
  public static FailureReason classify(String text) {
    return classify(text, null, FailureContext.NONE).reason();
  }

  public static Classification classify(TaskRow row, FailureContext context) {
    return classify(row.taskInfo(), row.lastUpdated(), context);
  }

  /**
   * @param lastUpdated the task's last_updated, the time of a generic abort entry without its own
   *     timestamp; null if unknown
   */
  public static Classification classify(
      String taskInfo, Instant lastUpdated, FailureContext context) {
    List<TaskInfoLog.Entry> entries = TaskInfoLog.entries(taskInfo);
    List<String> lower = entries.stream().map(e -> e.text().toLowerCase(Locale.ROOT)).toList();
    for (Rule rule : SPECIFIC) {
      int i = first(rule, lower);
      if (i >= 0) {
        return new Classification(rule.reason(), entries.get(i).text());
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      if (lower.get(i).contains(GENERIC_BACKUP_ABORT)) {
        TaskInfoLog.Entry abort = entries.get(i);
        Instant at = abort.at() != null ? context.serverTime().toUtc(abort.at()) : lastUpdated;
        if (at != null && context.inBackupWindow().test(at)) {
          return new Classification(FailureReason.BACKUP_WINDOW_OVERLAP, abort.text());
        }
        break;
      }
    }
    int engine = first(ENGINE, lower);
    return engine >= 0
        ? new Classification(FailureReason.ENGINE_ERROR, entries.get(engine).text())
        : Classification.UNKNOWN;
  }

  private static int first(Rule rule, List<String> lower) {
    for (int i = 0; i < lower.size(); i++) {
      if (rule.matches(lower.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
