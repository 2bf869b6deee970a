package io.rdswatch.exporter.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps the free-text task_info of an ERROR task (or a submit-time SQL error) to a bounded reason.
 * Patterns are case-insensitive substrings from the reference's §7/§8 tables (plus the few texts the
 * simulator adds for cases AWS does not document); the first match in table order wins, so specific
 * texts come before the generic "terminating abnormally".
 */
public final class FailureClassifier {

  /** Matches when the lower-cased text contains every part, and the pattern (if any) is found. */
  private record Rule(FailureReason reason, List<String> allOf, Pattern pattern) {
    boolean matches(String lower) {
      return allOf.stream().allMatch(lower::contains) && (pattern == null || pattern.matcher(lower).find());
    }
  }

  private static Rule text(FailureReason reason, String... allOf) {
    return new Rule(reason, List.of(allOf), null);
  }

  /** @param mustContain a substring of every match, so the regex only runs on likely texts */
  private static Rule regex(FailureReason reason, String mustContain, String regex) {
    return new Rule(reason, List.of(mustContain), Pattern.compile(regex));
  }

  private static final List<Rule> RULES =
      List.of(
          text(FailureReason.BACKUP_WINDOW_OVERLAP, "overlap with your preferred backup window"),
          text(FailureReason.BACKUP_WINDOW_OVERLAP, "rds automated backup in progress"),
          text(FailureReason.S3_WRONG_REGION, "bucket that is in the same region"),
          text(FailureReason.S3_NO_BUCKET, "the specified bucket does not exist"),
          // S3's NoSuchKey, and the simulator's text for a restore ARN that matches no object
          text(FailureReason.S3_NO_BUCKET, "the specified key does not exist"),
          text(FailureReason.S3_NO_BUCKET, "no s3 object matches"),
          text(FailureReason.KMS, "is not authorized to perform", "kms"),
          // §8 "Key <ARN> does not exist": a word must sit between, so S3's "specified key does not
          // exist" above and "Database 'monkey' does not exist" below stay out of kms
          regex(FailureReason.KMS, "does not exist", "\\bkey [^\\s']+ does not exist"),
          text(FailureReason.KMS, "cannot be decrypted with kms key"),
          text(FailureReason.TDE_CERTIFICATE, "cannot find server certificate"),
          text(FailureReason.S3_OBJECT_EXISTS, "reissue task with correct type and overwrite property"),
          text(FailureReason.TOO_MANY_FILES, "unable to restore from more than 10 backup file"),
          text(FailureReason.TOO_MANY_FILES, "unable to back up to more than 10 backup file"),
          text(FailureReason.DB_EXISTS, "already exists", "differ only by case or accent"),
          text(FailureReason.OPTION_NOT_ENABLED, "backup/restore option is not enabled"),
          text(FailureReason.PERMISSION, "execute permission was denied"),
          text(FailureReason.S3_ACCESS_DENIED, "access denied"),
          text(FailureReason.ENGINE_ERROR, "terminating abnormally"),
          text(FailureReason.ENGINE_ERROR, "same family_guid"),
          text(FailureReason.ENGINE_ERROR, "with compression isn't supported"));

  private FailureClassifier() {}

  public static FailureReason classify(String text) {
    if (text == null || text.isBlank()) {
      return FailureReason.UNKNOWN;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (Rule rule : RULES) {
      if (rule.matches(lower)) {
        return rule.reason();
      }
    }
    return FailureReason.UNKNOWN;
  }
}
