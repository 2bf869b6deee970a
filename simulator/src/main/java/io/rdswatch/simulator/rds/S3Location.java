package io.rdswatch.simulator.rds;

/**
 * Bucket and key of an S3 ARN: {@code arn:aws:s3:::bucket/key}, or an access point ARN {@code
 * arn:aws:s3:<region>:<account>:accesspoint/<name>/object/<key>} (the access point stands for its
 * bucket).
 */
public record S3Location(String bucket, String key) {
  private static final String PLAIN = "arn:aws:s3:::";

  /** Parses an ARN; null when it is not one RDS would accept. */
  public static S3Location parse(String arn) {
    if (arn == null) {
      return null;
    }
    String a = arn.strip();
    if (a.startsWith(PLAIN)) {
      String rest = a.substring(PLAIN.length());
      int slash = rest.indexOf('/');
      if (slash <= 0 || slash == rest.length() - 1) {
        return null;
      }
      return new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }
    String[] parts = a.split(":", 6);
    if (parts.length == 6 && a.startsWith("arn:aws:s3:") && parts[5].startsWith("accesspoint/")) {
      String[] path = parts[5].split("/", 4);
      if (path.length == 4 && path[2].equals("object") && !path[3].isEmpty()) {
        return new S3Location(path[1], path[3]);
      }
    }
    return null;
  }

  public String arn() {
    return PLAIN + bucket + "/" + key;
  }

  /** The last path element, as task_info names files. */
  public String fileName() {
    int slash = key.lastIndexOf('/');
    return slash < 0 ? key : key.substring(slash + 1);
  }
}
