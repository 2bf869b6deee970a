package io.rdswatch.simulator.rds;

import java.util.Objects;

/**
 * A recurring S3-integration task of a scenario's schedule, as a SQL Agent job would run it.
 *
 * @param arn the S3 object ({@code DOWNLOAD_FROM_S3}, {@code UPLOAD_TO_S3}), else null
 * @param path the file under D:\S3\ (a directory, with a trailing backslash, for a delete), or null
 *     for {@code LIST_FILES_ON_DISK}
 */
public record S3Job(TaskType type, String arn, String path) {

  public S3Job {
    Objects.requireNonNull(type, "type");
    if (!type.isS3Integration()) {
      throw new IllegalArgumentException("not an S3-integration task type: " + type);
    }
    boolean copy = type == TaskType.DOWNLOAD_FROM_S3 || type == TaskType.UPLOAD_TO_S3;
    if (copy && (arn == null || arn.isBlank())) {
      throw new IllegalArgumentException(type + " needs the S3 object: set bucket and key");
    }
    if (type != TaskType.LIST_FILES_ON_DISK && (path == null || path.isBlank())) {
      throw new IllegalArgumentException(type + " needs path, a file under D:\\S3\\");
    }
  }
}
