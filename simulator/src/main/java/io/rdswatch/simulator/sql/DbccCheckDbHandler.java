package io.rdswatch.simulator.sql;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.ReplyItem;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.SqlMessage;
import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.rds.Database;
import io.rdswatch.simulator.rds.DbState;
import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import io.rdswatch.simulator.sql.lang.SqlStatement;
import io.rdswatch.simulator.sql.lang.StatementHandler;
import io.rdswatch.simulator.sql.lang.TokenCursor;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DBCC CHECKDB [(N'db' | [db] | 0)] [WITH NO_INFOMSGS, ...]}: clean, or, for a database
 * restored from an object marked corrupt, the usual consistency errors (8939, 8928) and summary.
 * The instance's CHECKDB fault, when set, replaces the answer with an interruption.
 */
final class DbccCheckDbHandler implements StatementHandler {
  private static final long OBJECT_ID = 901578250L;
  private static final String UNIT =
      "index ID 1, partition ID 72057594043039744, alloc unit ID 72057594048544768 (type In-row data)";

  @Override
  public boolean accepts(SqlStatement s) {
    return s.startsWith("DBCC");
  }

  @Override
  public Reply handle(SqlStatement s, ExecContext ctx) {
    TokenCursor c = s.cursor();
    c.expectWord("DBCC");
    c.expectWord("CHECKDB");
    String name = ctx.session().database();
    if (c.acceptSymbol("(")) {
      Object arg = c.value(ctx.bindings());
      if (!(arg instanceof Number n && n.intValue() == 0)) {
        name = String.valueOf(arg);
      }
      while (c.acceptSymbol(",")) {
        c.next();
      }
      c.expectSymbol(")");
    }
    boolean quiet = false;
    if (c.acceptWord("WITH")) {
      do {
        quiet |= c.identifier().equalsIgnoreCase("NO_INFOMSGS");
      } while (c.acceptSymbol(","));
    }
    c.expectEnd();
    String wanted = name;
    Database db = ctx.rds().locked(() -> ctx.rds().catalog().get(wanted));
    if (db == null) {
      throw new SqlFailure(
          SqlMessage.error(
              2520,
              11,
              16,
              "Could not find database '"
                  + wanted
                  + "'. The database either does not exist, or was dropped before a "
                  + "statement tried to use it. Verify if the database exists by querying the sys.databases catalog view.",
              "",
              1));
    }
    if (db.state() == DbState.RESTORING) {
      throw new SqlFailure(SqlErrors.databaseRestoring(db.name()));
    }
    Reply answer = db.corrupt() ? corrupt(db) : clean(db, quiet);
    return switch (ctx.faults().takeCheckdbFault()) {
      case NONE -> answer;
      case PERMISSION ->
          Reply.error(
              SqlMessage.error(
                  7983,
                  36,
                  14,
                  "User '"
                      + ctx.session().user()
                      + "' does not have permission to run DBCC checkdb for database '"
                      + db.name()
                      + "'.",
                  "",
                  1));
      case HANG -> answer.withDelay(ctx.faults().checkdbHang().toMillis());
      // the socket is cut before any answer arrives, as when the network drops
      case DISCONNECT -> cut();
      // a Multi-AZ failover under the check: the new primary lacks the msdb grants of non-master
      // logins
      case FAILOVER -> {
        ctx.rds().failover();
        yield cut();
      }
    };
  }

  private static Reply cut() {
    return new Reply(
        List.of(new ResultSetData(List.of(Column.of("x", SqlType.INT)), List.of())),
        null,
        0,
        0,
        false);
  }

  private static Reply clean(Database db, boolean quiet) {
    if (quiet) {
      return Reply.empty();
    }
    return Reply.of(
        SqlMessage.info(
            8989,
            "CHECKDB found 0 allocation errors and 0 consistency errors in database '"
                + db.name()
                + "'."),
        SqlMessage.info(
            2528,
            "DBCC execution completed. If DBCC printed error messages, contact your system administrator."));
  }

  private static Reply corrupt(Database db) {
    String table = db.tables().asMap().keySet().stream().findFirst().orElse("Orders");
    List<ReplyItem> items = new ArrayList<>();
    items.add(
        SqlMessage.error(
            8939,
            98,
            16,
            "Table error: Object ID "
                + OBJECT_ID
                + ", "
                + UNIT
                + ", page (1:284). Test (IS_OFF (BUF_IOERR, "
                + "pBUF->bstat)) failed. Values are 133129 and -4.",
            "",
            1));
    items.add(
        SqlMessage.error(
            8928,
            1,
            16,
            "Object ID "
                + OBJECT_ID
                + ", "
                + UNIT
                + ": Page (1:284) could not be processed.  See other errors for details.",
            "",
            1));
    items.add(
        SqlMessage.info(
            8990,
            "CHECKDB found 0 allocation errors and 2 consistency errors in table '"
                + table
                + "' (object ID "
                + OBJECT_ID
                + ")."));
    items.add(
        SqlMessage.info(
            8989,
            "CHECKDB found 0 allocation errors and 2 consistency errors in database '"
                + db.name()
                + "'."));
    items.add(
        SqlMessage.info(
            8958,
            "repair_allow_data_loss is the minimum repair level for the errors found by DBCC CHECKDB ("
                + db.name()
                + ")."));
    return new Reply(items, null, 0, -1, false);
  }
}
