package io.rdswatch.simulator.rds;

/** The arguments of rds_restore_database, validated by {@link RdsProcedures}. */
public record RestoreRequest(
    String database, String s3Arn, String kmsKeyArn, BackupKind kind, boolean noRecovery) {

  public static RestoreRequest full(String database, String s3Arn) {
    return new RestoreRequest(database, s3Arn, null, BackupKind.FULL, false);
  }
}
