package io.rdswatch.agent.sql;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.ServerTime;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

  /** Every normalised column a row is built from (the required ones plus the optional trailing ones). */
  private static final List<String> READ = List.of("taskid", "tasktype", "databasename", "%complete", "durationmins",
      "lifecycle", "taskinfo", "lastupdated", "createdat", "s3objectarn", "overwrites3backupfile", "kmsmasterkeyarn");

  /** The columns that tell a known finished task, all ahead of task_info in RDS's column order. */
  private static final List<String> LEADING =
      List.of("taskid", "tasktype", "databasename", "%complete", "durationmins", "lifecycle");

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

  /**
   * The rows of one result set. {@code unchanged} holds the ids of rows given as stand-ins: known
   * finished tasks whose row was not read past its leading columns, so that their task_info,
   * timestamps and ARNs are null here; the poller's own copy of them is still current. {@code time}
   * is the conversion the rows' times went through, for the server times still inside task_info.
   */
  public record Parsed(List<TaskRow> rows, Set<Long> unchanged, TaskColumns columns, ServerTime time) {

    public Parsed(List<TaskRow> rows, Set<Long> unchanged) {
      this(rows, unchanged, TaskColumns.DOCUMENTED, ServerTime.UTC);
    }
  }

  /** Rows of a server in UTC. */
  public static List<TaskRow> parse(ResultSet rs) throws SQLException, PollException {
    return parse(rs, KnownRows.NONE, ServerTime.UTC).rows();
  }

  /** {@code time} converts the server's times without offset to UTC. */
  public static Parsed parse(ResultSet rs, KnownRows known, ServerTime time) throws SQLException, PollException {
    return parse(rs, known, time, true);
  }

  /**
   * @param withTaskInfo false for a narrow read that leaves task_info out on purpose (it is then
   *     null in every row, to be read separately for the rows that need it)
   */
  public static Parsed parse(ResultSet rs, KnownRows known, ServerTime time, boolean withTaskInfo)
      throws SQLException, PollException {
    Map<String, Integer> columns = columns(rs.getMetaData());
    for (String required : REQUIRED.keySet().stream().sorted().toList()) {
      if (!columns.containsKey(required) && (withTaskInfo || !required.equals("taskinfo"))) {
        throw new PollException(PollErrorKind.PARSE,
            "rds_task_status has no column '" + REQUIRED.get(required) + "' (columns: " + columnList(rs.getMetaData()) + ")");
      }
    }
    // Read each row's columns once, left to right, like any plain JDBC loop: asked for in another
    // order, mssql-jdbc rewinds and skips through the row again for every column (bench figure 1).
    List<Integer> slots = new ArrayList<>();
    for (int slot = 0; slot < READ.size(); slot++) {
      if (columns.containsKey(READ.get(slot))) {
        slots.add(slot);
      }
    }
    slots.sort(Comparator.comparing(slot -> columns.get(READ.get(slot))));
    int decideAt = known == KnownRows.NONE ? -1 : decideAt(slots);
    List<TaskRow> rows = new ArrayList<>();
    Set<Long> unchanged = new HashSet<>();
    int rowNumber = 0;
    while (rs.next()) {
      rowNumber++;
      Object[] values = new Object[READ.size()];
      TaskRow standIn = null;
      for (int i = 0; i < slots.size() && standIn == null; i++) {
        values[slots.get(i)] = rs.getObject(columns.get(READ.get(slots.get(i))));
        if (i == decideAt) {
          standIn = new RowReader(values, rowNumber, time).standInIfKnown(known);
        }
      }
      if (standIn != null) {
        rows.add(standIn);
        unchanged.add(standIn.taskId());
      } else {
        rows.add(new RowReader(values, rowNumber, time).row());
      }
    }
    return new Parsed(rows, unchanged, TaskColumns.of(labels(rs.getMetaData(), columns)), time);
  }

  /** The server's own label of every column a row is built from, by normalised name. */
  private static Map<String, String> labels(ResultSetMetaData meta, Map<String, Integer> columns) throws SQLException {
    Map<String, String> labels = new HashMap<>();
    for (String key : READ) {
      Integer at = columns.get(key);
      if (at != null) {
        labels.put(key, meta.getColumnLabel(at));
      }
    }
    return labels;
  }

  /**
   * The position in column order after which a row can be recognised as known: once every leading
   * column is read, and only if task_info (what skipping saves) comes later; else -1.
   */
  private static int decideAt(List<Integer> slotsInColumnOrder) {
    int last = -1;
    for (String key : LEADING) {
      last = Math.max(last, slotsInColumnOrder.indexOf(READ.indexOf(key)));
    }
    return last < slotsInColumnOrder.indexOf(READ.indexOf("taskinfo")) ? last : -1;
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

  /** One row's values, by slot of {@link #READ}; every getter names the column when a value cannot be read. */
  private record RowReader(Object[] values, int rowNumber, ServerTime time) {

    /** A stand-in with the leading columns only, if they show a known finished task; else null. */
    TaskRow standInIfKnown(KnownRows known) throws PollException {
      String lifecycleRaw = ColumnValues.text(value("lifecycle"));
      Lifecycle lifecycle = Lifecycle.parse(lifecycleRaw);
      Long taskId = taskId();
      if (taskId == null || !lifecycle.isTerminal()) {
        return null;
      }
      String taskTypeRaw = ColumnValues.text(value("tasktype"));
      String database = ColumnValues.text(value("databasename"));
      int percent = intOrZero("%complete", "% complete");
      int duration = intOrZero("durationmins", "duration (mins)");
      if (!known.unchangedFinished(taskId, KnownRows.signature(taskTypeRaw, database, percent, duration, lifecycleRaw))) {
        return null;
      }
      return new TaskRow(taskId, taskTypeRaw, TaskType.parse(taskTypeRaw), database, percent, duration, lifecycleRaw,
          lifecycle, null, null, null, null, false, null);
    }

    TaskRow row() throws SQLException, PollException {
      String taskTypeRaw = ColumnValues.text(value("tasktype"));
      String lifecycleRaw = ColumnValues.text(value("lifecycle"));
      Long taskId = taskId();
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
          TaskInfo.capped(ColumnValues.text(value("taskinfo"))),
          ColumnValues.instant(value("lastupdated"), time, this::fail, "last_updated"),
          ColumnValues.instant(value("createdat"), time, this::fail, "created_at"),
          ColumnValues.text(value("s3objectarn")),
          ColumnValues.flag(value("overwrites3backupfile"), this::fail, "overwrite_s3_backup_file"),
          ColumnValues.text(value("kmsmasterkeyarn")));
    }

    /** RDS's task_id is an int counting up from 1; anything else is a misread row, not a task to count. */
    private Long taskId() throws PollException {
      Object raw = value("taskid");
      Long id = ColumnValues.number(raw, this::fail, "task_id");
      if (id != null && (id < 1 || id > Integer.MAX_VALUE || !ColumnValues.isWhole(raw))) {
        throw fail("task_id", "'" + raw + "' is outside RDS's task ids (1 to " + Integer.MAX_VALUE + ")");
      }
      return id;
    }

    private int intOrZero(String key, String column) throws PollException {
      Long n = ColumnValues.number(value(key), this::fail, column);
      return n == null ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    private Object value(String key) {
      return values[READ.indexOf(key)];
    }

    PollException fail(String column, String problem) {
      return new PollException(PollErrorKind.PARSE,
          "rds_task_status row " + rowNumber + ", column '" + column + "': " + problem);
    }
  }
}
