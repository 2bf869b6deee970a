package io.rdswatch.exporter.model;

import java.util.Locale;

/** The fixed, bounded set of reasons a failed task is classified into (README: failure reasons). */
public enum FailureReason {
  BACKUP_WINDOW_OVERLAP,
  S3_WRONG_REGION,
  S3_ACCESS_DENIED,
  S3_NO_BUCKET,
  S3_OBJECT_EXISTS,
  KMS,
  TDE_CERTIFICATE,
  DB_EXISTS,
  TOO_MANY_FILES,
  OPTION_NOT_ENABLED,
  PERMISSION,
  COMPRESSION_UNSUPPORTED,
  ENGINE_ERROR,
  UNKNOWN;

  /** Label value, e.g. "s3_wrong_region". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
