package io.rdswatch.agent.sql;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads rds_task_status rows leniently. AWS spells the columns differently across pages and engine
 * versions ("duration (mins)" / "duration(mins)", "overwrite_S3_backup_file"), so names are
 * normalised to lower case [a-z0-9%]; extra columns are ignored; trailing columns that older engines
 * lack are optional. A missing required column or an unreadable value is a PARSE error naming it.
 */
public final class TaskRowParser {

  /** Normalised name to the documented spelling, for error messages. */
  private static final Map<String, String> REQUIRED = Map.of(
      "taskid", "task_id",
      "tasktype", "task_type",
      "databasename", "database_name",
      "%complete", "% complete",
      "durationmins", "duration (mins)",
      "lifecycle", "lifecycle",
      "taskinfo", "task_info",
      "lastupdated", "last_updated",
      "createdat", "created_at");

  private TaskRowParser() {}

  public static String normalise(String column) {
    StringBuilder out = new StringBuilder();
    for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '%') {
        out.append(c);
      }
    }
    return out.toString();
  }

  public static List<TaskRow> parse(ResultSet rs) throws SQLException, PollException {
    Map<String, Integer> columns = columns(rs.getMetaData());
    for (String required : REQUIRED.keySet().stream().sorted().toList()) {
      if (!columns.containsKey(required)) {
        throw new PollException(PollErrorKind.PARSE,
            "rds_task_status has no column '" + REQUIRED.get(required) + "' (columns: " + columnList(rs.getMetaData()) + ")");
      }
    }
    List<TaskRow> rows = new ArrayList<>();
    int rowNumber = 0;
    while (rs.next()) {
      rowNumber++;
      rows.add(new RowReader(rs, columns, rowNumber).row());
    }
    return rows;
  }

  private static Map<String, Integer> columns(ResultSetMetaData meta) throws SQLException {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      byName.putIfAbsent(normalise(meta.getColumnLabel(i)), i);
    }
    return byName;
  }

  private static String columnList(ResultSetMetaData meta) throws SQLException {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnLabel(i));
    }
    return String.join(", ", names);
  }

  /** One row; every getter names the column when a value cannot be read. */
  private record RowReader(ResultSet rs, Map<String, Integer> columns, int rowNumber) {

    TaskRow row() throws SQLException, PollException {
      String taskTypeRaw = ColumnValues.text(value("tasktype"));
      String lifecycleRaw = ColumnValues.text(value("lifecycle"));
      Long taskId = ColumnValues.number(value("taskid"), this::fail, "task_id");
      if (taskId == null) {
        throw fail("task_id", "is empty");
      }
      return new TaskRow(
          taskId,
          taskTypeRaw,
          TaskType.parse(taskTypeRaw),
          ColumnValues.text(value("databasename")),
          intOrZero("%complete", "% complete"),
          intOrZero("durationmins", "duration (mins)"),
          lifecycleRaw,
          Lifecycle.parse(lifecycleRaw),
          ColumnValues.text(value("taskinfo")),
          ColumnValues.instant(value("lastupdated"), this::fail, "last_updated"),
          ColumnValues.instant(value("createdat"), this::fail, "created_at"),
          ColumnValues.text(value("s3objectarn")),
          ColumnValues.flag(value("overwrites3backupfile"), this::fail, "overwrite_s3_backup_file"),
          ColumnValues.text(value("kmsmasterkeyarn")));
    }

    private int intOrZero(String key, String column) throws SQLException, PollException {
      Long n = ColumnValues.number(value(key), this::fail, column);
      return n == null ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    private Object value(String key) throws SQLException {
      Integer index = columns.get(key);
      return index == null ? null : rs.getObject(index);
    }

    PollException fail(String column, String problem) {
      return new PollException(PollErrorKind.PARSE,
          "rds_task_status row " + rowNumber + ", column '" + column + "': " + problem);
    }
  }
}
