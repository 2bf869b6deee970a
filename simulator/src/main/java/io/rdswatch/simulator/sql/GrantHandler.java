package io.rdswatch.simulator.sql;

import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import io.rdswatch.simulator.sql.lang.SqlStatement;
import io.rdswatch.simulator.sql.lang.StatementHandler;
import io.rdswatch.simulator.sql.lang.TokenCursor;
import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.Login;
import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.procs.Procedure;
import io.rdswatch.simulator.sql.procs.ProcedureCatalog;

/**
 * {@code GRANT EXECUTE ON [OBJECT::][msdb.]dbo.<rds procedure> TO <user>}, as the master user runs
 * it for a monitoring or drill login (and again after a Multi-AZ failover). Database users are
 * the logins' namesakes here. Only the master user may grant; anyone else, an unknown procedure
 * or an unknown user gets SQL Server's error 15151.
 */
final class GrantHandler implements StatementHandler {
  private final ProcedureCatalog catalog;

  GrantHandler(ProcedureCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public boolean accepts(SqlStatement s) {
    return s.startsWith("GRANT");
  }

  @Override
  public Reply handle(SqlStatement s, ExecContext ctx) {
    TokenCursor c = s.cursor();
    c.expectWord("GRANT");
    c.expectWord("EXECUTE");
    c.expectWord("ON");
    if (c.acceptWord("OBJECT")) {
      c.expectSymbol(":");
      c.expectSymbol(":");
    }
    ObjectName name = c.objectName();
    c.expectWord("TO");
    String user = c.identifier();
    c.expectEnd();
    Procedure proc = catalog.resolve(name, ctx.session());
    Login grantor = ctx.login();
    if (proc == null || !proc.needsExecuteGrant() || grantor == null || !grantor.master()) {
      throw new SqlFailure(SqlErrors.cannotFind("object", name.object()));
    }
    if (!ctx.rds().grantExecute(user, proc.name())) {
      throw new SqlFailure(SqlErrors.cannotFind("user", user));
    }
    return Reply.empty();
  }
}
