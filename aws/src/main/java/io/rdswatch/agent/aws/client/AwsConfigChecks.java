package io.rdswatch.agent.aws.client;

import io.dropwizard.util.Duration;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validation rules shared by the AWS config sections. Each adds "path: rule" to the error list and
 * never echoes a value that could be a secret (someone may paste a password into an ARN field).
 */
public final class AwsConfigChecks {

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  private static final Pattern SECRET_ARN =
      Pattern.compile(
          "arn:aws[a-z-]*:secretsmanager:([a-z]{2}(-[a-z]+)+-\\d{1,2}):\\d{12}:secret:.+");

  private AwsConfigChecks() {}

  public static boolean isRegion(String region) {
    return region != null && REGION.matcher(region).matches();
  }

  /** The region part of a Secrets Manager secret ARN, or null if it is not one. */
  public static String secretArnRegion(String arn) {
    if (arn == null) {
      return null;
    }
    var m = SECRET_ARN.matcher(arn);
    return m.matches() ? m.group(1) : null;
  }

  public static void region(String path, String region, List<String> errors) {
    if (region != null && !isRegion(region)) {
      errors.add(path + ": '" + region + "' is not an AWS region name (like eu-west-1)");
    }
  }

  public static void endpoint(String path, String endpoint, List<String> errors) {
    if (endpoint == null) {
      return;
    }
    try {
      URI uri = new URI(endpoint);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!http || uri.getHost() == null) {
        errors.add(path + ": must be an absolute http(s) URL like https://host:port");
      }
    } catch (Exception e) {
      errors.add(path + ": must be an absolute http(s) URL like https://host:port");
    }
  }

  public static void secretArn(String path, String arn, List<String> errors) {
    if (arn != null && secretArnRegion(arn) == null) {
      errors.add(
          path
              + ": must be a Secrets Manager secret ARN"
              + " (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME); value not shown");
    }
  }

  public static void atLeast(String path, Duration value, Duration min, List<String> errors) {
    if (value == null) {
      errors.add(path + ": must be set");
    } else if (value.toMilliseconds() < min.toMilliseconds()) {
      errors.add(path + ": must be at least " + shortText(min));
    }
  }

  /** "10s", "5m": the form users write in YAML. */
  static String shortText(Duration d) {
    long ms = d.toMilliseconds();
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
