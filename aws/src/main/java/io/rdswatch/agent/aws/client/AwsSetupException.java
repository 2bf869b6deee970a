package io.rdswatch.agent.aws.client;

/**
 * AWS integration cannot start as configured (no region, bad endpoint...). Message names the
 * setting.
 */
public final class AwsSetupException extends RuntimeException {

  public AwsSetupException(String message) {
    super(message);
  }
}
