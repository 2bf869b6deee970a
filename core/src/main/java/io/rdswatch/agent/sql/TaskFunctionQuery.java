package io.rdswatch.agent.sql;

import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.ServerTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the task table through msdb.dbo.rds_fn_task_status: whole, or only what can have changed,
 * and task_info for a few tasks. A login without SELECT on the function, or an engine without it,
 * fails with error 229 or 208 ({@link #unavailable}); the caller then reads rds_task_status
 * instead.
 */
public final class TaskFunctionQuery {

  /**
   * Ids per task_info read; SQL Server takes up to 2,100 parameters, a short list keeps plans
   * reusable.
   */
  static final int IDS_PER_READ = 100;

  private final int timeoutSeconds;
  private final ServerTimeQuery serverTime;

  public TaskFunctionQuery(Duration timeout) {
    this.timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    this.serverTime = new ServerTimeQuery(timeout);
  }

  /** Whether a failure says the function is missing (208) or not granted (229). */
  public static boolean unavailable(PollException e) {
    return e.sqlErrorNumber() == 208 || e.sqlErrorNumber() == 229;
  }

  /** Every task and column; finished tasks {@code known} holds are listed as held, not read. */
  public TaskScan full(Connection connection, KnownRows known) throws PollException {
    ServerTime time = serverTime.read(connection);
    try (PreparedStatement statement = prepare(connection, TaskFunctionQueries.FULL);
        ResultSet rs = statement.executeQuery()) {
      return TaskScan.read(rs, time, true, known);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Tasks above the watermark or not finished, without task_info (null in every row). */
  public TaskScan changed(Connection connection, TaskColumns columns, long watermark)
      throws PollException {
    return changed(connection, TaskFunctionQueries.changed(columns), watermark);
  }

  /**
   * As above, with the text {@link TaskFunctionQueries#changed} made once for the server's columns.
   */
  public TaskScan changed(Connection connection, String changedSql, long watermark)
      throws PollException {
    try (PreparedStatement statement = prepare(connection, changedSql)) {
      statement.setLong(1, watermark);
      ServerTime time;
      try (ResultSet rs = statement.executeQuery()) {
        time = ServerTime.of(ServerTimeQuery.now(rs));
      }
      if (!statement.getMoreResults()) {
        throw new PollException(
            PollErrorKind.PARSE, "rds_fn_task_status narrow read returned no rows result");
      }
      try (ResultSet rs = statement.getResultSet()) {
        return TaskScan.read(rs, time, false, KnownRows.NONE);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** task_info by task id; a task gone from the history meanwhile is simply absent. */
  public Map<Long, String> taskInfo(Connection connection, TaskColumns columns, List<Long> ids)
      throws PollException {
    Map<Long, String> out = new HashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
      List<Long> part =
          new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ)));
      try (PreparedStatement statement =
          prepare(connection, TaskFunctionQueries.taskInfo(columns, part.size()))) {
        for (int i = 0; i < part.size(); i++) {
          statement.setLong(i + 1, part.get(i));
        }
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            Long id =
                ColumnValues.number(
                    rs.getObject(1),
                    (column, problem) ->
                        new PollException(
                            PollErrorKind.PARSE,
                            "rds_fn_task_status task_info read, column '"
                                + column
                                + "': "
                                + problem),
                    "task_id");
            if (id != null) {
              out.put(id, ColumnValues.text(rs.getObject(2)));
            }
          }
        }
      } catch (SQLException e) {
        throw failed(e);
      }
    }
    return out;
  }

  private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout(timeoutSeconds);
    return statement;
  }

  private static PollException failed(SQLException e) {
    return new PollException(SqlErrors.whileQuerying(e), e.getMessage(), e.getErrorCode(), e);
  }
}
