package io.rdswatch.simulator.sql;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.Session;
import io.rdswatch.simulator.engine.SqlMessage;
import io.rdswatch.simulator.rds.Faults;
import io.rdswatch.simulator.rds.RdsInstance;
import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.Bindings;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import io.rdswatch.simulator.sql.lang.SqlStatement;
import io.rdswatch.simulator.sql.lang.StatementHandler;
import io.rdswatch.simulator.sql.lang.StatementSplitter;
import io.rdswatch.simulator.sql.procs.ProcedureCatalog;
import io.rdswatch.simulator.sql.select.SelectHandler;
import java.util.List;
import java.util.Map;

/**
 * Runs a batch: splits it into statements and gives each to the first handler that accepts it. THE
 * list of statement shapes is {@link #HANDLERS}; add new shapes there (and new procedures in {@link
 * ProcedureCatalog}, new catalog views in {@code VirtualTables}). The batch stops at the first
 * error, as a compile error would stop it on SQL Server.
 */
public final class StatementRouter {
  private static final List<StatementHandler> HANDLERS =
      List.of(
          new SetHandler(),
          new DeclareHandler(),
          new UseHandler(),
          new GrantHandler(ProcedureCatalog.standard()),
          new TransactionHandler(),
          new ExecHandler(ProcedureCatalog.standard()),
          new SelectHandler(),
          new DbccCheckDbHandler());

  public Reply run(
      Session session, String sql, Map<String, Object> params, RdsInstance rds, Faults faults) {
    ExecContext ctx = new ExecContext(session, new Bindings(params), rds, faults);
    Reply reply = Reply.empty();
    try {
      List<SqlStatement> statements = StatementSplitter.split(sql);
      for (SqlStatement statement : statements) {
        Reply one = handle(statement, ctx);
        reply = reply.then(one);
        if (one.hasError()) {
          break;
        }
      }
    } catch (SqlFailure e) {
      reply = reply.then(Reply.error(e.error()));
    } catch (RuntimeException e) {
      // A simulator bug must not look like a hang or a dropped link to the client.
      reply =
          reply.then(Reply.error(SqlMessage.error(50000, 1, 16, "simulator error: " + e, "", 1)));
    }
    return reply;
  }

  private static Reply handle(SqlStatement statement, ExecContext ctx) {
    for (StatementHandler handler : HANDLERS) {
      if (handler.accepts(statement)) {
        return handler.handle(statement, ctx);
      }
    }
    throw new SqlFailure(SqlErrors.syntax(statement.tokens().get(0).text()));
  }
}
