package io.rdswatch.exporter.model;

import java.util.List;
import java.util.Locale;

/**
 * Maps the free-text task_info of an ERROR task (or a submit-time SQL error) to a bounded reason.
 * Patterns are case-insensitive substrings from the reference's §7/§8 tables; the first match in
 * table order wins, so specific texts come before the generic "terminating abnormally".
 */
public final class FailureClassifier {

  private record Rule(FailureReason reason, List<String> allOf) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(FailureReason.BACKUP_WINDOW_OVERLAP, List.of("overlap with your preferred backup window")),
          new Rule(FailureReason.BACKUP_WINDOW_OVERLAP, List.of("rds automated backup in progress")),
          new Rule(FailureReason.S3_WRONG_REGION, List.of("bucket that is in the same region")),
          new Rule(FailureReason.S3_NO_BUCKET, List.of("the specified bucket does not exist")),
          new Rule(FailureReason.KMS, List.of("is not authorized to perform", "kms")),
          new Rule(FailureReason.KMS, List.of("key ", "does not exist")),
          new Rule(FailureReason.TDE_CERTIFICATE, List.of("cannot find server certificate")),
          new Rule(FailureReason.S3_OBJECT_EXISTS, List.of("reissue task with correct type and overwrite property")),
          new Rule(FailureReason.TOO_MANY_FILES, List.of("unable to restore from more than 10 backup file")),
          new Rule(FailureReason.DB_EXISTS, List.of("already exists", "differ only by case or accent")),
          new Rule(FailureReason.OPTION_NOT_ENABLED, List.of("backup/restore option is not enabled")),
          new Rule(FailureReason.PERMISSION, List.of("execute permission was denied")),
          new Rule(FailureReason.S3_ACCESS_DENIED, List.of("access denied")),
          new Rule(FailureReason.ENGINE_ERROR, List.of("terminating abnormally")),
          new Rule(FailureReason.ENGINE_ERROR, List.of("same family_guid")),
          new Rule(FailureReason.ENGINE_ERROR, List.of("with compression isn't supported")));

  private FailureClassifier() {}

  public static FailureReason classify(String text) {
    if (text == null || text.isBlank()) {
      return FailureReason.UNKNOWN;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (Rule rule : RULES) {
      if (rule.allOf().stream().allMatch(lower::contains)) {
        return rule.reason();
      }
    }
    return FailureReason.UNKNOWN;
  }
}
