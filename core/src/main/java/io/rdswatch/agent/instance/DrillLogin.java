package io.rdswatch.agent.instance;

/**
 * The login a drill uses on an instance instead of the read-only monitoring login: it needs the
 * restore, drop and CHECKDB rights the monitoring login must not have.
 */
public record DrillLogin(String username, PasswordSource password) {

  /** Never prints the password. */
  @Override
  public String toString() {
    return "DrillLogin[" + username + "]";
  }
}
