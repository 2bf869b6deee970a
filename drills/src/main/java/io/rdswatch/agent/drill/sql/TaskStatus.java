package io.rdswatch.agent.drill.sql;

import io.rdswatch.agent.sql.PollException;
import io.rdswatch.agent.sql.TaskStatusQuery;
import io.rdswatch.exporter.model.TaskRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * rds_task_status for the drill, through the poller's query and parser, with SQL errors as SQL
 * errors.
 */
public final class TaskStatus {

  private TaskStatus() {}

  public static List<TaskRow> all(Connection c, int timeoutSeconds) throws SQLException {
    return run(c, null, timeoutSeconds);
  }

  public static Optional<TaskRow> byId(Connection c, long taskId, int timeoutSeconds)
      throws SQLException {
    return run(c, taskId, timeoutSeconds).stream().filter(r -> r.taskId() == taskId).findFirst();
  }

  private static List<TaskRow> run(Connection c, Long taskId, int timeoutSeconds)
      throws SQLException {
    try {
      return new TaskStatusQuery(Duration.ofSeconds(timeoutSeconds)).run(c, null, taskId);
    } catch (PollException e) {
      throw new SQLException("rds_task_status: " + e.getMessage(), null, e.sqlErrorNumber(), e);
    }
  }
}
