package io.rdswatch.agent.sql;

import io.rdswatch.exporter.model.PollErrorKind;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.Set;

/** Maps mssql-jdbc's exceptions to the `kind` label of rdswatch_poll_errors_total. */
final class SqlErrors {

  /** Login failed, account disabled/locked, password expired, default database unavailable. */
  private static final Set<Integer> LOGIN_ERRORS =
      Set.of(18456, 18452, 18470, 18486, 18487, 18488, 4060);

  /** "The EXECUTE (or SELECT) permission was denied on the object ...". */
  static final int PERMISSION_DENIED = 229;

  private SqlErrors() {}

  /** While opening a connection: refused/unreachable is CONNECT, a rejected login LOGIN. */
  static PollErrorKind whileConnecting(SQLException e) {
    if (LOGIN_ERRORS.contains(e.getErrorCode())) {
      return PollErrorKind.LOGIN;
    }
    return isTimeout(e) ? PollErrorKind.TIMEOUT : PollErrorKind.CONNECT;
  }

  /**
   * While running the query: SQL errors are QUERY, a denied permission PERMISSION; a lost
   * connection is CONNECT.
   */
  static PollErrorKind whileQuerying(SQLException e) {
    if (e.getErrorCode() == PERMISSION_DENIED) {
      return PollErrorKind.PERMISSION;
    }
    if (isTimeout(e)) {
      return PollErrorKind.TIMEOUT;
    }
    String state = e.getSQLState();
    if (state != null && state.startsWith("08")) {
      return PollErrorKind.CONNECT;
    }
    return e.getErrorCode() > 0 ? PollErrorKind.QUERY : connectionProblem(e);
  }

  private static PollErrorKind connectionProblem(SQLException e) {
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return text.contains("connection") || text.contains("socket")
        ? PollErrorKind.CONNECT
        : PollErrorKind.QUERY;
  }

  private static boolean isTimeout(SQLException e) {
    if (e instanceof SQLTimeoutException || "HY008".equals(e.getSQLState())) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return true;
      }
      String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (text.contains("timed out") || text.contains("timeout")) {
        return true;
      }
    }
    return false;
  }

  /** The driver never echoes passwords, but a secret must not reach a log even if one ever did. */
  static String redact(String message, String secret) {
    String text = message == null ? "" : message;
    return secret == null || secret.length() < 3 ? text : text.replace(secret, "****");
  }
}
