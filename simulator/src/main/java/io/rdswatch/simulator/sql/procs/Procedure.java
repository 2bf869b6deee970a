package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.sql.lang.ExecContext;
import java.util.List;

/** A simulated stored procedure: its name, its parameters, and what a call does. */
public interface Procedure {

  /** The procedure's own name, e.g. "rds_task_status". */
  String name();

  /** "msdb" for the RDS procedures; null for system procedures callable from any database. */
  String database();

  List<ProcParam> params();

  /** Runs the call; the reply carries the return status. */
  Reply call(ProcCall call, ExecContext ctx);

  /** The msdb rds_* procedures need EXECUTE for non-master logins. */
  default boolean needsExecuteGrant() {
    return "msdb".equals(database());
  }
}
