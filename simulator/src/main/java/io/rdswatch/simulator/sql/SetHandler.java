package io.rdswatch.simulator.sql;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.SqlStatement;
import io.rdswatch.simulator.sql.lang.StatementHandler;
import io.rdswatch.simulator.sql.lang.Token;
import io.rdswatch.simulator.sql.lang.TokenCursor;

/**
 * {@code SET ...}: session options the driver and tools send on their own (SET TEXTSIZE, SET
 * NOCOUNT ON, SET TRANSACTION ISOLATION LEVEL, set implicit_transactions on|off...). None changes
 * what the simulator answers, so all are accepted. {@code SET @variable = constant} assigns a
 * DECLAREd variable.
 */
final class SetHandler implements StatementHandler {

  @Override
  public boolean accepts(SqlStatement s) {
    return s.startsWith("SET");
  }

  @Override
  public Reply handle(SqlStatement s, ExecContext ctx) {
    TokenCursor c = s.cursor();
    c.expectWord("SET");
    if (c.atEnd()) {
      throw c.syntaxError();
    }
    if (c.peek().kind() == Token.Kind.PARAM) {
      String variable = c.next().text();
      c.expectSymbol("=");
      Object value = c.value(ctx.bindings());
      c.expectEnd();
      ctx.bindings().assign(variable, value);
    }
    return Reply.empty();
  }
}
