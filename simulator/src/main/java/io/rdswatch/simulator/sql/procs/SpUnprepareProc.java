package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.sql.lang.ExecContext;

/**
 * {@code EXEC sp_unprepare N;} as mssql-jdbc batches it to discard prepared handles. The handles
 * live in the protocol layer, so the session passes the drop on; an unknown handle is ignored, so a
 * batch of several never stops halfway.
 */
final class SpUnprepareProc extends BaseProcedure {

  SpUnprepareProc() {
    super("sp_unprepare", null, ProcParam.integer("@handle"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    Integer handle = call.integer("@handle");
    if (handle != null) {
      ctx.session().unprepare(handle);
    }
    return Reply.empty().withReturnStatus(0);
  }
}
