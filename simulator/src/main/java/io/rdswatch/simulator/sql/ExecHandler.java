package io.rdswatch.simulator.sql;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.Login;
import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.rds.SubmitErrors;
import io.rdswatch.simulator.sql.lang.Bindings;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import io.rdswatch.simulator.sql.lang.SqlStatement;
import io.rdswatch.simulator.sql.lang.StatementHandler;
import io.rdswatch.simulator.sql.lang.Token;
import io.rdswatch.simulator.sql.lang.TokenCursor;
import io.rdswatch.simulator.sql.procs.ArgumentBinder;
import io.rdswatch.simulator.sql.procs.ArgumentBinder.Argument;
import io.rdswatch.simulator.sql.procs.Procedure;
import io.rdswatch.simulator.sql.procs.ProcedureCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code EXEC|EXECUTE [@status =] name [arg [, arg]...]} where an argument is {@code value} or
 * {@code @param = value} (optionally followed by OUTPUT); {@code @status =} stores the return
 * status in that variable. Also a batch that starts with a bare procedure name. Resolves the
 * procedure in the {@link ProcedureCatalog}, checks the EXECUTE grant of msdb procedures, binds the
 * arguments and runs it.
 */
final class ExecHandler implements StatementHandler {
  private final ProcedureCatalog catalog;

  ExecHandler(ProcedureCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public boolean accepts(SqlStatement s) {
    if (s.startsWith("EXEC") || s.startsWith("EXECUTE")) {
      return true;
    }
    Token first = s.tokens().get(0);
    if (!first.isIdentifier()) {
      return false;
    }
    try {
      return catalog.knows(s.cursor().objectName().object());
    } catch (SqlFailure e) {
      return false;
    }
  }

  @Override
  public Reply handle(SqlStatement s, ExecContext ctx) {
    TokenCursor c = s.cursor();
    if (!c.acceptWord("EXEC")) {
      c.acceptWord("EXECUTE");
    }
    String statusVariable = null;
    if (c.peek() != null
        && c.peek().kind() == Token.Kind.PARAM
        && c.peek(1) != null
        && c.peek(1).isSymbol("=")) {
      statusVariable = c.next().text();
      c.next();
    }
    ObjectName name = c.objectName();
    List<Argument> args = arguments(c, ctx.bindings());
    Procedure proc = catalog.resolve(name, ctx.session());
    if (proc == null) {
      throw new SqlFailure(SqlErrors.procNotFound(name.toString()));
    }
    if (proc.needsExecuteGrant()) {
      Login login = ctx.login();
      if (login == null || !login.mayExecute(proc.name())) {
        throw SubmitErrors.executeDenied(proc.name());
      }
    }
    Reply reply = proc.call(ArgumentBinder.bind(proc, args), ctx);
    if (statusVariable != null && reply.returnStatus() != null) {
      ctx.bindings().assign(statusVariable, reply.returnStatus());
    }
    return reply;
  }

  private static List<Argument> arguments(TokenCursor c, Bindings bindings) {
    List<Argument> args = new ArrayList<>();
    if (c.atEnd()) {
      return args;
    }
    do {
      String name = null;
      if (c.peek().kind() == Token.Kind.PARAM && c.peek(1) != null && c.peek(1).isSymbol("=")) {
        name = c.next().text();
        c.next();
      }
      Object value = c.value(bindings);
      if (!c.acceptWord("OUTPUT")) {
        c.acceptWord("OUT");
      }
      args.add(new Argument(name, value));
    } while (c.acceptSymbol(","));
    c.expectEnd();
    return args;
  }
}
