package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.SqlStatement;
import io.rdswatch.simulator.sql.lang.StatementHandler;

/**
 * Every {@code SELECT}: constants and functions without FROM ({@code SELECT 1}, {@code
 * SELECT @@VERSION}, {@code SELECT @@spid spid}, {@code SELECT SYSUTCDATETIME()}), catalog views
 * and functions ({@link VirtualTables}) and row counts of user tables.
 */
public final class SelectHandler implements StatementHandler {

  @Override
  public boolean accepts(SqlStatement s) {
    return s.startsWith("SELECT");
  }

  @Override
  public Reply handle(SqlStatement s, ExecContext ctx) {
    return Reply.of(SelectExecutor.run(SelectParser.parse(s, ctx), ctx));
  }
}
