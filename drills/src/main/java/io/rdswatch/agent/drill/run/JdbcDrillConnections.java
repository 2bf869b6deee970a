package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.sql.PollException;
import io.rdswatch.agent.sql.SqlConnector;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Drill connections through the agent's {@link SqlConnector} (same TLS settings and login timeout
 * as polling; the instance's drill login when it has one, else the monitoring login), with a
 * network timeout long enough for the drill's longest statement: a DBCC CHECKDB on a big database
 * runs far longer than a poll.
 */
public final class JdbcDrillConnections implements DrillConnections {

  private final SqlConnector connector;
  private final Duration longestStatement;

  public JdbcDrillConnections(SqlConnector connector, Duration longestStatement) {
    this.connector = connector;
    this.longestStatement = longestStatement;
  }

  @Override
  public Connection open(InstanceTarget target) throws SQLException {
    Connection c;
    try {
      c = connector.open(target.forDrill());
    } catch (PollException e) {
      throw new SQLException(
          "cannot connect to " + target.name() + ": " + e.getMessage(),
          "08001",
          e.sqlErrorNumber(),
          e);
    }
    c.setNetworkTimeout(
        Runnable::run,
        (int) Math.min(Integer.MAX_VALUE, longestStatement.plusMinutes(1).toMillis()));
    return c;
  }
}
