package io.rdswatch.simulator.rds;

/** The arguments of rds_backup_database, validated by {@link RdsProcedures}. */
public record BackupRequest(
    String database,
    String s3Arn,
    String kmsKeyArn,
    boolean overwrite,
    BackupKind kind,
    int files) {

  public static BackupRequest full(String database, String s3Arn) {
    return new BackupRequest(database, s3Arn, null, false, BackupKind.FULL, 1);
  }
}
