package io.rdswatch.simulator.rds;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks a task passes when RDS picks it up, before any data moves. A failed check ends the
 * task in ERROR a few seconds later with the matching {@link TaskFailure} text.
 */
final class Preflight {
  private static final int MAX_FILES = 10;

  /** A failure (null when the checks pass) and, for a restore, the objects it will read. */
  record Outcome(TaskFailure failure, FailureFacts facts, List<S3Object> sources) {
    boolean ok() {
      return failure == null;
    }
  }

  private final RdsInstance rds;

  Preflight(RdsInstance rds) {
    this.rds = rds;
  }

  Outcome backup(Task t) {
    FailureFacts facts = FailureFacts.of(t, rds.roleArn());
    Database db = rds.catalog.get(t.database);
    if (db == null) {
      return fail(TaskFailure.DATABASE_GONE, facts);
    }
    S3Location at = S3Location.parse(t.s3Arn);
    TaskFailure s3 = bucketProblem(at);
    if (s3 != null) {
      return fail(s3, facts);
    }
    TaskFailure kms = keyProblem(t.kmsKeyArn);
    if (kms != null) {
      return fail(kms, facts);
    }
    if (!t.overwrite) {
      for (String key : backupKeys(at.key(), t.files)) {
        if (rds.s3.get(new S3Location(at.bucket(), key)) != null) {
          return fail(TaskFailure.S3_OBJECT_EXISTS, facts);
        }
      }
    }
    return new Outcome(null, facts, List.of());
  }

  Outcome restore(Task t) {
    FailureFacts facts = FailureFacts.of(t, rds.roleArn());
    S3Location at = S3Location.parse(t.s3Arn);
    TaskFailure s3 = bucketProblem(at);
    if (s3 != null) {
      return fail(s3, facts);
    }
    List<S3Object> sources = sources(at);
    if (sources.isEmpty()) {
      return fail(TaskFailure.OBJECT_NOT_FOUND, facts);
    }
    if (sources.size() > MAX_FILES) {
      return fail(TaskFailure.TOO_MANY_FILES, facts);
    }
    S3Object first = sources.get(0);
    BackupKind wanted = t.type.isDifferential() ? BackupKind.DIFFERENTIAL : BackupKind.FULL;
    if (sources.stream().anyMatch(o -> o.image() == null || o.image().kind() != wanted)) {
      return fail(TaskFailure.NOT_A_BACKUP, facts);
    }
    if (first.kmsKeyArn() != null) {
      if (t.kmsKeyArn == null) {
        return fail(TaskFailure.KMS_ENCRYPTED_NO_KEY, facts);
      }
      TaskFailure kms = keyProblem(t.kmsKeyArn);
      if (kms != null) {
        return fail(kms, facts);
      }
      if (!t.kmsKeyArn.equals(first.kmsKeyArn())) {
        return fail(TaskFailure.KMS_ENCRYPTED_NO_KEY, facts);
      }
    }
    String thumbprint = first.image().tdeCertificate();
    if (thumbprint != null && !rds.hasTdeCertificate(thumbprint)) {
      return fail(TaskFailure.TDE_CERTIFICATE_MISSING, facts.withThumbprint(thumbprint));
    }
    Database existing = rds.catalog.get(t.database);
    if (!t.type.isDifferential() && existing != null) {
      return fail(
          rds.wording().existingNameFailsInTask()
              ? TaskFailure.DB_SAME_FILE_GUIDS
              : TaskFailure.DB_EXISTS,
          facts);
    }
    if (t.type.isDifferential() && (existing == null || existing.state() != DbState.RESTORING)) {
      return fail(TaskFailure.DATABASE_GONE, facts);
    }
    long needed =
        sources.stream().mapToLong(o -> o.image().sizeMb()).max().orElse(0) * RdsInstance.MB;
    if (!t.type.isDifferential() && needed > rds.freeBytes()) {
      return fail(TaskFailure.INSUFFICIENT_SPACE, facts.withSpace(needed, rds.freeBytes()));
    }
    return new Outcome(null, facts, sources);
  }

  private List<S3Object> sources(S3Location at) {
    if (at.key().endsWith("*")) {
      return rds.s3.bucket(at.bucket()).list(at.key().substring(0, at.key().length() - 1));
    }
    S3Object one = rds.s3.get(at);
    return one == null ? List.of() : List.of(one);
  }

  private TaskFailure bucketProblem(S3Location at) {
    if (at == null) {
      return TaskFailure.S3_ACCESS_DENIED;
    }
    S3Bucket bucket = rds.s3.bucket(at.bucket());
    if (bucket == null) {
      return TaskFailure.S3_NO_BUCKET;
    }
    if (!bucket.region().equals(rds.region())) {
      return TaskFailure.S3_WRONG_REGION;
    }
    return bucket.accessDenied() ? TaskFailure.S3_ACCESS_DENIED : null;
  }

  private TaskFailure keyProblem(String arn) {
    if (arn == null) {
      return null;
    }
    KmsKey key = rds.kmsKeys.get(arn);
    if (key == null) {
      return TaskFailure.KMS_KEY_MISSING;
    }
    return key.authorized() ? null : TaskFailure.KMS_NOT_AUTHORIZED;
  }

  private static Outcome fail(TaskFailure failure, FailureFacts facts) {
    return new Outcome(failure, facts, List.of());
  }

  /**
   * The object keys a backup writes: {@code x*.bak} with 4 files is x1-of-4.bak ... x4-of-4.bak.
   */
  static List<String> backupKeys(String key, int files) {
    if (files <= 1) {
      return List.of(key);
    }
    List<String> keys = new ArrayList<>();
    for (int i = 1; i <= files; i++) {
      keys.add(key.replace("*", i + "-of-" + files));
    }
    return keys;
  }
}
