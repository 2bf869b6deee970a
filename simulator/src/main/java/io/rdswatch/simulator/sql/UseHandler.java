package io.rdswatch.simulator.sql;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.SqlMessage;
import io.rdswatch.simulator.rds.Database;
import io.rdswatch.simulator.rds.DbState;
import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import io.rdswatch.simulator.sql.lang.SqlStatement;
import io.rdswatch.simulator.sql.lang.StatementHandler;
import io.rdswatch.simulator.sql.lang.TokenCursor;

/** {@code USE [db]} / {@code use db}: switches the session's database (error 911 if unknown). */
final class UseHandler implements StatementHandler {

  @Override
  public boolean accepts(SqlStatement s) {
    return s.startsWith("USE");
  }

  @Override
  public Reply handle(SqlStatement s, ExecContext ctx) {
    TokenCursor c = s.cursor();
    c.expectWord("USE");
    String name = c.identifier();
    c.expectEnd();
    Database db = ctx.rds().locked(() -> ctx.rds().catalog().get(name));
    if (db == null) {
      throw new SqlFailure(SqlErrors.unknownDatabase(name));
    }
    if (db.state() == DbState.RESTORING) {
      throw new SqlFailure(SqlErrors.databaseRestoring(db.name()));
    }
    ctx.session().database(db.name());
    return Reply.of(SqlMessage.info(5701, "Changed database context to '" + db.name() + "'."));
  }
}
