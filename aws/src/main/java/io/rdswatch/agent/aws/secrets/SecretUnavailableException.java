package io.rdswatch.agent.aws.secrets;

/** A secret could not be read or parsed. The message names the ARN, never the secret's content. */
public final class SecretUnavailableException extends Exception {

  public SecretUnavailableException(String message) {
    super(message);
  }
}
