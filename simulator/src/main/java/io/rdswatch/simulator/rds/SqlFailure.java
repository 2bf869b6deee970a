package io.rdswatch.simulator.rds;

import io.rdswatch.simulator.engine.SqlMessage;

/**
 * A statement or procedure call rejected with a SQL Server error. The router turns it into an ERROR
 * token; nothing in the simulator ever answers a statement by hanging or dropping the link.
 */
public final class SqlFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient SqlMessage error;

  public SqlFailure(SqlMessage error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  public SqlMessage error() {
    return error;
  }
}
