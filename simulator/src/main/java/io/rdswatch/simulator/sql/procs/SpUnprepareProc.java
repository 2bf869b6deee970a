package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.sql.ExecContext;

/**
 * {@code EXEC sp_unprepare N;} as mssql-jdbc batches it to discard prepared handles. Prepared
 * handles live in the protocol layer; here the call just succeeds.
 */
final class SpUnprepareProc extends BaseProcedure {

  SpUnprepareProc() {
    super("sp_unprepare", null,
        ProcParam.integer("@handle"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    return Reply.empty().withReturnStatus(0);
  }
}
