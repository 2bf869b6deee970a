package io.rdswatch.simulator.sql.lang;

import io.rdswatch.simulator.engine.Reply;

/**
 * Answers one statement shape. {@link StatementRouter} asks the handlers in order; the first whose
 * {@link #accepts} is true runs the statement. A handler that accepted but cannot parse the rest
 * throws {@code SqlFailure} with a syntax error.
 */
public interface StatementHandler {

  /** Decided from the statement's leading tokens only. */
  boolean accepts(SqlStatement statement);

  Reply handle(SqlStatement statement, ExecContext ctx);
}
