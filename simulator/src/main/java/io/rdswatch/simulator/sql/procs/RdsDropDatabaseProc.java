package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.SqlMessage;
import io.rdswatch.simulator.sql.lang.ExecContext;

/** {@code msdb.dbo.rds_drop_database N'db'} or {@code @db_name='db'}: drops at once. */
final class RdsDropDatabaseProc extends BaseProcedure {

  RdsDropDatabaseProc() {
    super("rds_drop_database", "msdb", ProcParam.requiredText("@db_name"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    String db = call.text("@db_name");
    ctx.rds().procedures().drop(db);
    return Reply.of(SqlMessage.info(0, "Database '" + db + "' has been dropped."))
        .withReturnStatus(0);
  }
}
