package io.rdswatch.simulator.engine;

/** An ERROR (class > 10) or INFO (class <= 10) token. */
public record SqlMessage(
    boolean isError,
    int number,
    int state,
    int severity,
    String message,
    String procedure,
    int line)
    implements ReplyItem {

  public static SqlMessage error(
      int number, int state, int severity, String message, String procedure, int line) {
    return new SqlMessage(true, number, state, severity, message, procedure, line);
  }

  public static SqlMessage info(int number, String message) {
    return new SqlMessage(false, number, 1, 0, message, "", 1);
  }

  /** SQL Server's generic syntax error, used for anything the simulator does not understand. */
  public static SqlMessage syntaxError(String nearToken) {
    return error(102, 1, 15, "Incorrect syntax near '" + nearToken + "'.", "", 1);
  }
}
