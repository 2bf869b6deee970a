package io.rdswatch.simulator;

import io.rdswatch.simulator.engine.LoginOutcome;
import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.Session;
import io.rdswatch.simulator.engine.SqlBackend;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.rds.Database;
import io.rdswatch.simulator.rds.DatabaseSpec;
import io.rdswatch.simulator.rds.DbState;
import io.rdswatch.simulator.rds.Faults;
import io.rdswatch.simulator.rds.Login;
import io.rdswatch.simulator.rds.RdsInstance;
import io.rdswatch.simulator.rds.RestoreRequest;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.sql.StatementRouter;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import io.rdswatch.simulator.tds.ServerTls;
import java.util.List;
import java.util.Map;

/**
 * One simulated RDS instance: the {@link SqlBackend} its TDS listener serves, and the control
 * handle tests, drills' tests, the demo and benchmarks use (faults, model, tasks).
 */
public final class SimulatedInstance implements SqlBackend {
  private static final StatementRouter ROUTER = new StatementRouter();

  private final RdsInstance rds;
  private final Faults faults;
  private final String host;
  private final ServerTls.TrustFiles trust;
  private volatile int port;
  private volatile boolean forceSsl;

  SimulatedInstance(RdsInstance rds, Faults faults, String host, ServerTls.TrustFiles trust) {
    this.rds = rds;
    this.faults = faults;
    this.host = host;
    this.trust = trust;
  }

  /** Sets {@code rds.force_ssl}: when on, logins that are not encrypted are refused. */
  public void forceSsl(boolean on) {
    this.forceSsl = on;
  }

  @Override
  public boolean forceEncryption() {
    return forceSsl;
  }

  public String name() {
    return rds.name();
  }

  /** The instance's port (kept while it is down, so it comes back on the same one). */
  public int port() {
    return port;
  }

  void port(int bound) {
    this.port = bound;
  }

  /**
   * A JDBC URL for mssql-jdbc; credentials are passed separately. Over TLS it verifies the
   * certificate against the simulator's trust store, as production does with the RDS CA bundle.
   */
  public String jdbcUrl() {
    String encryption =
        trust == null
            ? "encrypt=false"
            : "encrypt=true;trustServerCertificate=false;trustStore="
                + trust.trustStore()
                + ";trustStorePassword="
                + ServerTls.TRUST_STORE_PASSWORD;
    return "jdbc:sqlserver://"
        + host
        + ":"
        + port
        + ";"
        + encryption
        + ";databaseName=master;loginTimeout=10";
  }

  /** The model: databases, S3, KMS, certificates, schedule, tasks. */
  public RdsInstance rds() {
    return rds;
  }

  public Faults faults() {
    return faults;
  }

  /** rds_task_status without arguments, as of now. */
  public List<TaskRow> tasks() {
    return rds.taskRows(null, null);
  }

  public TaskRow task(int id) {
    return rds.taskRow(id);
  }

  /** Submits as the master user would (same checks and errors as the procedure). */
  public TaskRow backup(BackupRequest request) {
    return rds.procedures().backup(request);
  }

  public TaskRow restore(RestoreRequest request) {
    return rds.procedures().restore(request);
  }

  /** Adds a database now (its create_date is the current simulated time). */
  public Database addDatabase(DatabaseSpec spec) {
    synchronized (rds) {
      rds.advance();
      return rds.addDatabase(spec);
    }
  }

  /**
   * A Multi-AZ failover, as an admin would force one: every connection drops, the instance answers
   * again on the same endpoint, and the grants given to logins other than the master user are gone
   * (RDS does not replicate msdb permissions). Returns the logins that lost grants.
   */
  public List<String> failover() {
    List<String> lost = rds.failover();
    faults.down(true);
    faults.down(false);
    return lost;
  }

  @Override
  public LoginOutcome login(Session session, String user, String password, String database) {
    Login login = rds.login(user);
    if (faults.loginFailure() || login == null || !login.password().equals(password)) {
      return LoginOutcome.loginFailed(user);
    }
    session.user(login.name());
    String wanted = database == null || database.isBlank() ? "master" : database;
    Database db = rds.locked(() -> rds.catalog().get(wanted));
    if (db == null || db.state() == DbState.RESTORING) {
      return new LoginOutcome(false, null, SqlErrors.cannotOpenDatabase(wanted));
    }
    session.database(db.name());
    return LoginOutcome.accept(db.name());
  }

  @Override
  public Reply execute(Session session, String sql, Map<String, Object> params) {
    Reply reply = ROUTER.run(session, sql, params, rds, faults);
    long latency = faults.latency().toMillis();
    if (latency > 0) {
      reply = reply.withDelay(latency);
    }
    int drop = faults.dropAfterRows();
    if (drop >= 0 && reply.items().stream().anyMatch(i -> i instanceof ResultSetData)) {
      reply = reply.withDropAfterRows(drop);
    }
    return reply;
  }

  @Override
  public void disconnected(Session session) {
    rds.appLocks().releaseAll(session);
  }

  @Override
  public String toString() {
    return name() + " @ " + host + ":" + port;
  }
}
