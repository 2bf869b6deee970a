package io.rdswatch.simulator.rds;

import java.time.Instant;

/**
 * An object in the S3 stand-in.
 *
 * @param image what the backup holds; null for an object that is not a native backup
 * @param kmsKeyArn the KMS key it was client-side encrypted with, null when not encrypted
 */
public record S3Object(
    S3Location location, BackupImage image, String kmsKeyArn, long sizeMb, Instant createdAt) {

  public String arn() {
    return location.arn();
  }
}
