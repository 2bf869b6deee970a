package io.rdswatch.agent.sql;

import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.ServerTime;
import io.rdswatch.exporter.model.TaskRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Runs `exec msdb.dbo.rds_task_status`, optionally narrowed by @db_name and/or @task_id (passed as
 * JDBC parameters, never spliced into the text). Returns every task RDS still keeps (36 days), its
 * times in UTC: the server's offset is read first on the same connection ({@link ServerTimeQuery}).
 */
public final class TaskStatusQuery {

  static final String PROCEDURE = "exec msdb.dbo.rds_task_status";

  private final int timeoutSeconds;
  private final ServerTimeQuery serverTime;

  public TaskStatusQuery(Duration timeout) {
    this.timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    this.serverTime = new ServerTimeQuery(timeout);
  }

  public List<TaskRow> all(Connection connection) throws PollException {
    return run(connection, null, null);
  }

  /** Every task; the finished ones {@code known} holds are listed as held, not read. */
  public TaskScan all(Connection connection, KnownRows known) throws PollException {
    return query(connection, null, null, known);
  }

  /** Either filter may be null. */
  public List<TaskRow> run(Connection connection, String databaseName, Long taskId)
      throws PollException {
    return read(connection, databaseName, taskId).rows();
  }

  /** As {@link #run}, with the server offset the rows were converted with. */
  public TaskScan read(Connection connection, String databaseName, Long taskId)
      throws PollException {
    return query(connection, databaseName, taskId, KnownRows.NONE);
  }

  private TaskScan query(Connection connection, String databaseName, Long taskId, KnownRows known)
      throws PollException {
    ServerTime time = serverTime.read(connection);
    String sql = PROCEDURE;
    if (databaseName != null) {
      sql += " @db_name = ?";
    }
    if (taskId != null) {
      sql += (databaseName != null ? "," : "") + " @task_id = ?";
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(timeoutSeconds);
      int i = 1;
      if (databaseName != null) {
        statement.setString(i++, databaseName);
      }
      if (taskId != null) {
        statement.setLong(i, taskId);
      }
      return firstResultSet(statement, known, time);
    } catch (SQLException e) {
      throw new PollException(SqlErrors.whileQuerying(e), e.getMessage(), e.getErrorCode(), null);
    }
  }

  private static TaskScan firstResultSet(Statement statement, KnownRows known, ServerTime time)
      throws SQLException, PollException {
    boolean isResultSet = ((PreparedStatement) statement).execute();
    while (!isResultSet) {
      if (statement.getUpdateCount() == -1) {
        throw new PollException(PollErrorKind.PARSE, "rds_task_status returned no result set");
      }
      isResultSet = statement.getMoreResults();
    }
    try (ResultSet rs = statement.getResultSet()) {
      return TaskScan.read(rs, time, true, known);
    }
  }
}
