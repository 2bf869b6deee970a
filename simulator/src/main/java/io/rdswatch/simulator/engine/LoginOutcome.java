package io.rdswatch.simulator.engine;

/** Result of a LOGIN7: accepted (with the database to report), or rejected with an error. */
public record LoginOutcome(boolean accepted, String database, SqlMessage error) {

  public static LoginOutcome accept(String database) {
    return new LoginOutcome(true, database, null);
  }

  /** SQL Server's answer to a bad login: error 18456, class 14, state 1. */
  public static LoginOutcome loginFailed(String user) {
    return new LoginOutcome(
        false,
        null,
        SqlMessage.error(18456, 1, 14, "Login failed for user '" + user + "'.", "", 1));
  }
}
