package io.rdswatch.simulator.sql;

import io.rdswatch.simulator.engine.Reply;

/**
 * {@code SET ...}: session options the driver and tools send on their own (SET TEXTSIZE, SET
 * NOCOUNT ON, SET TRANSACTION ISOLATION LEVEL, set implicit_transactions on|off...). None changes
 * what the simulator answers, so all are accepted.
 */
final class SetHandler implements StatementHandler {

  @Override
  public boolean accepts(SqlStatement s) {
    return s.startsWith("SET");
  }

  @Override
  public Reply handle(SqlStatement s, ExecContext ctx) {
    if (s.tokens().size() < 2) {
      throw s.cursor().syntaxError();
    }
    return Reply.empty();
  }
}
