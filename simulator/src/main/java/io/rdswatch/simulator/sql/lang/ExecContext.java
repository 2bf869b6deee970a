package io.rdswatch.simulator.sql.lang;

import io.rdswatch.simulator.engine.Session;
import io.rdswatch.simulator.rds.Faults;
import io.rdswatch.simulator.rds.Login;
import io.rdswatch.simulator.rds.RdsInstance;
import java.time.Instant;

/** What a statement handler may use: the caller's session and bound values, and the instance. */
public record ExecContext(Session session, Bindings bindings, RdsInstance rds, Faults faults) {

  /** The instance's simulated now (advancing it first). */
  public Instant now() {
    return rds.advance();
  }

  /** The session's login; null only if the login was removed after connecting. */
  public Login login() {
    return rds.login(session.user());
  }
}
