package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.sql.ExecContext;
import java.util.List;

/**
 * {@code EXEC sp_unprepare N;} as mssql-jdbc batches it to discard prepared handles. Prepared
 * handles live in the protocol layer; here the call just succeeds.
 */
final class SpUnprepareProc implements Procedure {

  @Override
  public String name() {
    return "sp_unprepare";
  }

  @Override
  public String database() {
    return null;
  }

  @Override
  public List<ProcParam> params() {
    return List.of(ProcParam.integer("@handle"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    return Reply.empty().withReturnStatus(0);
  }
}
