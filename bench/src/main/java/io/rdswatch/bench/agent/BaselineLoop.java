package io.rdswatch.bench.agent;

import io.rdswatch.agent.poll.PollThreads;
import io.rdswatch.agent.sql.PollException;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.agent.target.InstanceTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor of figure 1: the least any poller can do. Connections are opened once (with the agent's
 * own connection settings); each cycle runs {@code exec msdb.dbo.rds_task_status} on every instance
 * at the agent's concurrency and reads every column of every row, and nothing else.
 */
final class BaselineLoop implements AutoCloseable {

  static final String SQL = "exec msdb.dbo.rds_task_status";

  private final List<Connection> connections = new ArrayList<>();
  private final ExecutorService pool;
  private volatile long sink; // keeps the JIT from dropping the column reads

  BaselineLoop(List<InstanceTarget> targets, SqlConnector connector, int concurrency) throws PollException {
    pool = Executors.newFixedThreadPool(concurrency, PollThreads.named("bench-baseline"));
    try {
      for (InstanceTarget t : targets) {
        connections.add(connector.open(t));
      }
    } catch (PollException e) {
      close();
      throw e;
    }
  }

  Measured.Outcome cycle() throws Exception {
    List<Future<Long>> reads = new ArrayList<>(connections.size());
    for (Connection c : connections) {
      reads.add(pool.submit(() -> readAll(c)));
    }
    long rows = 0;
    for (Future<Long> f : reads) {
      rows += f.get();
    }
    return new Measured.Outcome(rows, 0);
  }

  private long readAll(Connection c) throws SQLException {
    long rows = 0;
    long values = 0;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SQL)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          values += rs.getObject(i) != null ? 1 : 0;
        }
        rows++;
      }
    }
    sink += values;
    return rows;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    for (Connection c : connections) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // the benchmark is done with it either way
      }
    }
    connections.clear();
  }
}
