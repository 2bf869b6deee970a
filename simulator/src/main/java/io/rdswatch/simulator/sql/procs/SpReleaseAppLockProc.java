package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.SqlMessage;
import io.rdswatch.simulator.rds.AppLocks;
import io.rdswatch.simulator.sql.lang.ExecContext;

/** {@code sp_releaseapplock @Resource, @LockOwner}: 0, or error 1223 and -999 when not held. */
final class SpReleaseAppLockProc extends BaseProcedure {

  SpReleaseAppLockProc() {
    super(
        "sp_releaseapplock",
        null,
        ProcParam.requiredText("@Resource"),
        ProcParam.text("@LockOwner"),
        ProcParam.text("@DbPrincipal"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    String resource = call.text("@Resource");
    int status = ctx.rds().appLocks().release(ctx.session().database(), resource, ctx.session());
    if (status == AppLocks.GRANTED) {
      return Reply.empty().withReturnStatus(0);
    }
    SqlMessage error =
        SqlMessage.error(
            1223,
            1,
            16,
            "Cannot release the application lock (Database Principal: 'public', Resource: '"
                + resource
                + "') because it is not currently held.",
            name(),
            1);
    return Reply.of(error).withReturnStatus(-999);
  }
}
