package io.rdswatch.simulator.rds;

/**
 * The particulars a failure message names.
 *
 * @param file the S3 file name being written or read
 * @param kmsKeyArn the key the message is about
 * @param thumbprint the TDE certificate thumbprint a restore needed
 * @param taskId the task's id, which some messages name
 */
public record FailureFacts(
    TaskType type,
    String database,
    String arn,
    String file,
    String kmsKeyArn,
    String roleArn,
    String thumbprint,
    long neededBytes,
    long freeBytes,
    int taskId) {

  public static FailureFacts of(Task task, String roleArn) {
    S3Location at = S3Location.parse(task.s3Arn);
    String file = at == null ? String.valueOf(task.s3Arn) : at.fileName();
    return new FailureFacts(
        task.type, task.database, task.s3Arn, file, task.kmsKeyArn, roleArn, null, 0, 0, task.id);
  }

  public FailureFacts withKey(String arn) {
    return new FailureFacts(
        type, database, this.arn, file, arn, roleArn, thumbprint, neededBytes, freeBytes, taskId);
  }

  public FailureFacts withThumbprint(String print) {
    return new FailureFacts(
        type, database, arn, file, kmsKeyArn, roleArn, print, neededBytes, freeBytes, taskId);
  }

  public FailureFacts withSpace(long needed, long free) {
    return new FailureFacts(
        type, database, arn, file, kmsKeyArn, roleArn, thumbprint, needed, free, taskId);
  }

  /** "BACKUP DATABASE" or "RESTORE DATABASE", as the engine's abort message says. */
  String verb() {
    return type.isBackup() ? "BACKUP DATABASE" : "RESTORE DATABASE";
  }
}
