package io.rdswatch.simulator.sql;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.Login;
import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import io.rdswatch.simulator.sql.lang.SqlStatement;
import io.rdswatch.simulator.sql.lang.StatementHandler;
import io.rdswatch.simulator.sql.lang.TokenCursor;
import io.rdswatch.simulator.sql.procs.Procedure;
import io.rdswatch.simulator.sql.procs.ProcedureCatalog;

/**
 * {@code GRANT EXECUTE ON [OBJECT::][msdb.]dbo.<rds procedure> TO <user>} and {@code GRANT SELECT
 * ON [OBJECT::][msdb.]dbo.rds_fn_task_status TO <user>}, as the master user runs them for a
 * monitoring or drill login (and again after a Multi-AZ failover). Database users are the logins'
 * namesakes here. Only the master user may grant; anyone else, an unknown object or an unknown user
 * gets SQL Server's error 15151.
 */
final class GrantHandler implements StatementHandler {
  /** The one msdb function a login needs a SELECT grant for. */
  private static final String SELECT_GRANTED = "rds_fn_task_status";

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
    boolean select = c.acceptWord("SELECT");
    if (!select) {
      c.expectWord("EXECUTE");
    }
    c.expectWord("ON");
    if (c.acceptWord("OBJECT")) {
      c.expectSymbol(":");
      c.expectSymbol(":");
    }
    ObjectName name = c.objectName();
    c.expectWord("TO");
    String user = c.identifier();
    c.expectEnd();
    Login grantor = ctx.login();
    if (select) {
      return grantSelect(name, user, grantor, ctx);
    }
    Procedure proc = catalog.resolve(name, ctx.session());
    if (proc == null || !proc.needsExecuteGrant() || grantor == null || !grantor.master()) {
      throw new SqlFailure(SqlErrors.cannotFind("object", name.object()));
    }
    if (!ctx.rds().grantExecute(user, proc.name())) {
      throw new SqlFailure(SqlErrors.cannotFind("user", user));
    }
    return Reply.empty();
  }

  private static Reply grantSelect(ObjectName name, String user, Login grantor, ExecContext ctx) {
    String db = name.database().isEmpty() ? ctx.session().database() : name.database();
    if (!SELECT_GRANTED.equalsIgnoreCase(name.object())
        || !db.equalsIgnoreCase("msdb")
        || grantor == null
        || !grantor.master()) {
      throw new SqlFailure(SqlErrors.cannotFind("object", name.object()));
    }
    if (!ctx.rds().grantSelect(user, SELECT_GRANTED)) {
      throw new SqlFailure(SqlErrors.cannotFind("user", user));
    }
    return Reply.empty();
  }
}
