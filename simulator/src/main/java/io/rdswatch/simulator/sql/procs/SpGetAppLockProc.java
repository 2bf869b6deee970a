package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.rds.AppLocks;
import io.rdswatch.simulator.sql.lang.ExecContext;
import java.util.Locale;
import java.util.Set;

/**
 * {@code sp_getapplock @Resource, @LockMode, @LockOwner, @LockTimeout}: return status 0 when
 * granted, -1 when another session holds it (never waits), -999 for a bad @LockMode. Every lock is
 * owned by the session (an owner of 'Transaction' is treated as 'Session', as the simulator keeps
 * no transactions) and released by sp_releaseapplock or when the connection goes.
 */
final class SpGetAppLockProc extends BaseProcedure {
  private static final Set<String> SHARED = Set.of("shared", "intentshared");
  private static final Set<String> MODES =
      Set.of("shared", "update", "intentshared", "intentexclusive", "exclusive");

  SpGetAppLockProc() {
    super(
        "sp_getapplock",
        null,
        ProcParam.requiredText("@Resource"),
        ProcParam.requiredText("@LockMode"),
        ProcParam.text("@LockOwner"),
        ProcParam.integer("@LockTimeout"),
        ProcParam.text("@DbPrincipal"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    String mode = call.text("@LockMode").strip().toLowerCase(Locale.ROOT);
    if (!MODES.contains(mode)) {
      return Reply.empty().withReturnStatus(-999);
    }
    int status =
        ctx.rds()
            .appLocks()
            .acquire(
                ctx.session().database(),
                call.text("@Resource"),
                !SHARED.contains(mode),
                ctx.session());
    return Reply.empty().withReturnStatus(status == AppLocks.GRANTED ? 0 : -1);
  }
}
