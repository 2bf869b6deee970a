package io.rdswatch.simulator.sql;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.SqlStatement;
import io.rdswatch.simulator.sql.lang.StatementHandler;
import io.rdswatch.simulator.sql.lang.TokenCursor;

/**
 * Transaction statements the driver sends for setAutoCommit/commit/rollback ({@code IF @@TRANCOUNT
 * > 0 COMMIT TRAN}, {@code IF @@TRANCOUNT > 0 ROLLBACK TRAN}) and plain BEGIN/COMMIT/ROLLBACK
 * [TRAN[SACTION]]. The simulator keeps no transactions, so they succeed and do nothing.
 */
final class TransactionHandler implements StatementHandler {

  @Override
  public boolean accepts(SqlStatement s) {
    return s.startsWith("IF")
        || s.startsWith("BEGIN", "TRAN")
        || s.startsWith("BEGIN", "TRANSACTION")
        || s.startsWith("COMMIT")
        || s.startsWith("ROLLBACK");
  }

  @Override
  public Reply handle(SqlStatement s, ExecContext ctx) {
    TokenCursor c = s.cursor();
    if (c.acceptWord("IF")) {
      if (!(c.next().text().equalsIgnoreCase("@@TRANCOUNT")
          && c.acceptSymbol(">")
          && c.next().text().equals("0"))) {
        throw s.cursor().syntaxError();
      }
      if (!(c.acceptWord("COMMIT") || c.acceptWord("ROLLBACK"))) {
        throw c.syntaxError();
      }
    } else {
      c.next();
    }
    if (!c.acceptWord("TRAN")) {
      c.acceptWord("TRANSACTION");
    }
    c.acceptWord("WORK");
    c.expectEnd();
    return Reply.empty();
  }
}
