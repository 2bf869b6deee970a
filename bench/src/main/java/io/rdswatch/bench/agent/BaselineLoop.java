package io.rdswatch.bench.agent;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.poll.PollThreads;
import io.rdswatch.agent.sql.KnownRows;
import io.rdswatch.agent.sql.PollException;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.agent.sql.TaskColumns;
import io.rdswatch.agent.sql.TaskFunctionQueries;
import io.rdswatch.agent.sql.TaskFunctionQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floors of figure 1: the least any poller can do. Connections are opened once (with the
 * agent's own connection settings); each cycle runs one query on every instance at the agent's
 * concurrency and reads every column of every row, and nothing else. Incremental: the agent's own
 * narrow query text (the server's clock, then tasks above a watermark or not finished, without
 * task_info, in one batch), the watermark moved on as the rows show; full: {@code exec
 * msdb.dbo.rds_task_status}, every task with every column.
 */
final class BaselineLoop implements AutoCloseable {

  static final String FULL_SQL = "exec msdb.dbo.rds_task_status";
  private static final Set<String> FINISHED = Set.of("SUCCESS", "ERROR", "CANCELLED");

  private final List<Connection> connections = new ArrayList<>();
  private final List<String> narrowSql = new ArrayList<>();
  private final long[] watermarks;
  private final ExecutorService pool;
  private volatile long sink; // keeps the JIT from dropping the column reads

  BaselineLoop(
      List<InstanceTarget> targets, SqlConnector connector, int concurrency, Duration timeout)
      throws PollException {
    pool = Executors.newFixedThreadPool(concurrency, PollThreads.named("bench-baseline"));
    watermarks = new long[targets.size()];
    try {
      TaskFunctionQuery function = new TaskFunctionQuery(timeout);
      for (InstanceTarget t : targets) {
        Connection c = connector.open(t);
        connections.add(c);
        // the column labels this server uses, as the agent learns them from its first full read
        TaskColumns columns = function.full(c, KnownRows.NONE).columns();
        narrowSql.add(TaskFunctionQueries.changed(columns));
      }
    } catch (PollException e) {
      close();
      throw e;
    }
    java.util.Arrays.fill(watermarks, -1);
  }

  Measured.Outcome cycle(boolean incremental) throws Exception {
    List<Future<Long>> reads = new ArrayList<>(connections.size());
    for (int i = 0; i < connections.size(); i++) {
      int at = i;
      reads.add(pool.submit(() -> incremental ? readChanged(at) : readAll(connections.get(at))));
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
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(FULL_SQL)) {
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

  /**
   * The narrow query; the watermark becomes the id below the lowest unfinished task, or the highest
   * id.
   */
  private long readChanged(int at) throws SQLException {
    long rows = 0;
    long values = 0;
    long highest = watermarks[at];
    long lowestUnfinished = Long.MAX_VALUE;
    try (PreparedStatement s = connections.get(at).prepareStatement(narrowSql.get(at))) {
      s.setLong(1, watermarks[at]);
      try (ResultSet now = s.executeQuery()) { // the batch's first result: the server's clock
        while (now.next()) {
          values += now.getObject(1) != null ? 1 : 0;
        }
      }
      s.getMoreResults();
      try (ResultSet rs = s.getResultSet()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          long id = rs.getLong(1);
          for (int i = 2; i <= columns; i++) {
            Object v = rs.getObject(i);
            values += v != null ? 1 : 0;
            if (i == 6 && !FINISHED.contains(String.valueOf(v))) {
              lowestUnfinished = Math.min(lowestUnfinished, id);
            }
          }
          highest = Math.max(highest, id);
          rows++;
        }
      }
    }
    watermarks[at] = Math.max(watermarks[at], Math.min(highest, lowestUnfinished - 1));
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
