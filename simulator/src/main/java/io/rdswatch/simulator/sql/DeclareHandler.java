package io.rdswatch.simulator.sql;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import io.rdswatch.simulator.sql.lang.SqlStatement;
import io.rdswatch.simulator.sql.lang.StatementHandler;
import io.rdswatch.simulator.sql.lang.Token;
import io.rdswatch.simulator.sql.lang.TokenCursor;

/**
 * {@code DECLARE @name type [= constant] [, ...]}: batch variables, e.g. for {@code DECLARE @r int;
 * EXEC @r = sp_getapplock ...; SELECT @r}. The type is read and ignored.
 */
final class DeclareHandler implements StatementHandler {

  @Override
  public boolean accepts(SqlStatement s) {
    return s.startsWith("DECLARE");
  }

  @Override
  public Reply handle(SqlStatement s, ExecContext ctx) {
    TokenCursor c = s.cursor();
    c.expectWord("DECLARE");
    do {
      Token variable = c.next();
      if (variable.kind() != Token.Kind.PARAM) {
        throw new io.rdswatch.simulator.rds.SqlFailure(SqlErrors.syntax(variable.text()));
      }
      c.acceptWord("AS");
      c.identifier();
      if (c.acceptSymbol("(")) {
        while (!c.acceptSymbol(")")) {
          c.next();
        }
      }
      ctx.bindings().declare(variable.text());
      if (c.acceptSymbol("=")) {
        ctx.bindings().assign(variable.text(), c.value(ctx.bindings()));
      }
    } while (c.acceptSymbol(","));
    c.expectEnd();
    return Reply.empty();
  }
}
