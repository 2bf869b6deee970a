package io.rdswatch.agent.sql;

import io.rdswatch.exporter.model.PollErrorKind;

/**
 * A poll of one instance failed. The message is safe to log and to show on /api: it never holds a
 * password. {@link #sqlErrorNumber()} is SQL Server's error number when there was one (18456 login
 * failed, 229 permission denied...), else 0.
 */
public final class PollException extends Exception {

  private static final long serialVersionUID = 1L;

  private final PollErrorKind kind;
  private final int sqlErrorNumber;

  public PollException(PollErrorKind kind, String message) {
    this(kind, message, 0, null);
  }

  public PollException(PollErrorKind kind, String message, int sqlErrorNumber, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.sqlErrorNumber = sqlErrorNumber;
  }

  public PollErrorKind kind() {
    return kind;
  }

  public int sqlErrorNumber() {
    return sqlErrorNumber;
  }
}
