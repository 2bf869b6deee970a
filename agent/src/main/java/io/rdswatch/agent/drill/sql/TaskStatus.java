package io.rdswatch.agent.drill.sql;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads msdb.dbo.rds_task_status for the drill: the whole table, or one task by id. */
public final class TaskStatus {

  static final String ALL = "EXEC msdb.dbo.rds_task_status";
  static final String ONE = "EXEC msdb.dbo.rds_task_status @task_id = ?";

  private TaskStatus() {}

  public static List<TaskRow> all(Connection c, int timeoutSeconds) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ALL)) {
      ps.setQueryTimeout(timeoutSeconds);
      return read(ps);
    }
  }

  public static Optional<TaskRow> byId(Connection c, long taskId, int timeoutSeconds) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ONE)) {
      ps.setQueryTimeout(timeoutSeconds);
      ps.setInt(1, Math.toIntExact(taskId));
      return read(ps).stream().filter(r -> r.taskId() == taskId).findFirst();
    }
  }

  private static List<TaskRow> read(PreparedStatement ps) throws SQLException {
    List<TaskRow> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      Map<String, Integer> cols = columns(rs.getMetaData());
      while (rs.next()) {
        rows.add(row(rs, cols));
      }
    }
    return rows;
  }

  /** Column names normalised to [a-z0-9%]: "duration (mins)" and "duration(mins)" are one. */
  private static Map<String, Integer> columns(ResultSetMetaData md) throws SQLException {
    Map<String, Integer> cols = new HashMap<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      cols.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9%]", ""), i);
    }
    return cols;
  }

  private static TaskRow row(ResultSet rs, Map<String, Integer> cols) throws SQLException {
    String type = text(rs, cols, "tasktype");
    String lifecycle = text(rs, cols, "lifecycle");
    String overwrite = text(rs, cols, "overwrites3backupfile");
    return new TaskRow(
        rs.getLong(required(cols, "taskid")),
        type,
        TaskType.parse(type),
        text(rs, cols, "databasename"),
        number(rs, cols, "%complete"),
        number(rs, cols, "durationmins"),
        lifecycle,
        Lifecycle.parse(lifecycle),
        text(rs, cols, "taskinfo"),
        time(rs, cols, "lastupdated"),
        time(rs, cols, "createdat"),
        text(rs, cols, "s3objectarn"),
        "1".equals(overwrite) || "true".equalsIgnoreCase(overwrite),
        text(rs, cols, "kmsmasterkeyarn"));
  }

  private static int required(Map<String, Integer> cols, String name) throws SQLException {
    Integer i = cols.get(name);
    if (i == null) {
      throw new SQLException("rds_task_status returned no " + name + " column");
    }
    return i;
  }

  private static String text(ResultSet rs, Map<String, Integer> cols, String name) throws SQLException {
    Integer i = cols.get(name);
    return i == null ? null : rs.getString(i);
  }

  private static int number(ResultSet rs, Map<String, Integer> cols, String name) throws SQLException {
    Integer i = cols.get(name);
    return i == null ? 0 : rs.getInt(i);
  }

  /** RDS prints these without a zone; the instances run in UTC (reference §2.2). */
  private static Instant time(ResultSet rs, Map<String, Integer> cols, String name) throws SQLException {
    Integer i = cols.get(name);
    Timestamp ts = i == null ? null : rs.getTimestamp(i);
    return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
  }
}
