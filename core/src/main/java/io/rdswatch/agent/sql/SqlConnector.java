package io.rdswatch.agent.sql;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.exporter.model.PollErrorKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The one place that opens mssql-jdbc connections. Login, query and socket timeouts all derive from
 * poll.timeout, so no instance can hold a poll longer than that. Production defaults are
 * encrypt=true and trustServerCertificate=false; a target's jdbcProperties override them, and
 * rdswatch's own keys (credentials, timeouts, applicationName) override everything.
 */
public final class SqlConnector {

  public static final String APPLICATION_NAME = "rdswatch";

  private static final Map<String, String> DEFAULTS =
      Map.of("encrypt", "true", "trustServerCertificate", "false");

  private final Duration timeout;
  private final SQLServerDriver driver = new SQLServerDriver();

  public SqlConnector(Duration timeout) {
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Opens a connection or throws a classified CONNECT, LOGIN or TIMEOUT error. */
  public Connection open(InstanceTarget target) throws PollException {
    String password;
    try {
      password = target.password().password();
    } catch (Exception e) {
      throw new PollException(
          PollErrorKind.LOGIN, "no password for " + target.name() + ": " + e.getMessage(), 0, null);
    }
    try {
      Connection connection = driver.connect("jdbc:sqlserver://", properties(target, password));
      if (connection == null) {
        throw new PollException(
            PollErrorKind.CONNECT, "mssql-jdbc refused the connection settings");
      }
      return connection;
    } catch (SQLException e) {
      PollErrorKind kind = SqlErrors.whileConnecting(e);
      if (kind == PollErrorKind.LOGIN) {
        target.password().invalidate(); // a rotated secret is fetched again on the next poll
      }
      String checked = target.jdbcProperties().getOrDefault("hostNameInCertificate", target.host());
      String tls = kind == PollErrorKind.CONNECT ? TlsErrors.explain(e, checked) : null;
      String message = SqlErrors.redact(e.getMessage(), password);
      throw new PollException(
          kind, tls == null ? message : tls + " (" + message + ")", e.getErrorCode(), null);
    }
  }

  Properties properties(InstanceTarget target, String password) {
    Properties p = new Properties();
    p.putAll(DEFAULTS);
    p.putAll(target.jdbcProperties());
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    p.setProperty("serverName", target.host());
    p.setProperty("portNumber", Integer.toString(target.port()));
    p.setProperty("user", target.username());
    p.setProperty("password", password);
    p.setProperty("applicationName", APPLICATION_NAME);
    p.setProperty("loginTimeout", Long.toString(seconds));
    p.setProperty("queryTimeout", Long.toString(seconds));
    // if a server ignores the query-timeout cancel, the socket timeout still ends the wait
    p.setProperty("cancelQueryTimeout", "2");
    p.setProperty("socketTimeout", Long.toString(timeout.toMillis() + 5_000));
    return p;
  }
}
