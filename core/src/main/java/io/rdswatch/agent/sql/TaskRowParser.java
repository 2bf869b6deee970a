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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads rds_task_status rows leniently. AWS spells the columns differently across pages and engine
 * versions ("duration (mins)" / "duration(mins)", "overwrite_S3_backup_file"), so names are
 * normalised to lower case [a-z0-9%]; extra columns are ignored; trailing columns that older
 * engines lack are optional. A missing required column or an unreadable value is a PARSE error
 * naming it.
 *
 * <p>One parser per result set: it maps the current row to a {@link TaskRow}, optionally reading
 * its {@link RowKey} first, and keeps nothing across rows but the row number. Which rows to read is
 * the caller's business ({@link TaskScan}).
 */
public final class TaskRowParser {

  /** Normalised name to the documented spelling, for error messages. */
  private static final Map<String, String> REQUIRED =
      Map.of(
          "taskid", "task_id",
          "tasktype", "task_type",
          "databasename", "database_name",
          "%complete", "% complete",
          "durationmins", "duration (mins)",
          "lifecycle", "lifecycle",
          "taskinfo", "task_info",
          "lastupdated", "last_updated",
          "createdat", "created_at");

  /**
   * Every normalised column a row is built from (the required ones plus the optional trailing
   * ones).
   */
  private static final List<String> READ =
      List.of(
          "taskid",
          "tasktype",
          "databasename",
          "%complete",
          "durationmins",
          "lifecycle",
          "taskinfo",
          "lastupdated",
          "createdat",
          "s3objectarn",
          "overwrites3backupfile",
          "kmsmasterkeyarn");

  /** The columns of a row's {@link RowKey}, all ahead of task_info in RDS's column order. */
  private static final List<String> LEADING =
      List.of("taskid", "tasktype", "databasename", "%complete", "durationmins", "lifecycle");

  public static String normalise(String column) {
    StringBuilder out = new StringBuilder();
    for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '%') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private final TaskColumns labels;
  private final ServerTime time;
  private final int[] slots; // slots of READ this server has, in its column order
  private final int[] at; // the column index of each of slots
  private final int
      keyEnd; // index into slots of the key's last column, if task_info comes later; else -1
  private final Object[] values = new Object[READ.size()];
  private int rowNumber;
  private int readUpTo; // how many of slots the current row has read

  /**
   * Where a server's columns are, worked out once per column list: every poll of every instance
   * asks for the same few lists, and normalising names was a twentieth of a steady poll's CPU.
   */
  private record Layout(
      Map<String, Integer> columns, TaskColumns labels, int[] slots, int[] at, int keyEnd) {

    static Layout of(Map<String, Integer> columns, TaskColumns labels) {
      // Read each row's columns once, left to right, like any plain JDBC loop: asked for in another
      // order, mssql-jdbc rewinds and skips through the row again for every column (bench figure
      // 1).
      List<Integer> present = new ArrayList<>();
      for (int slot = 0; slot < READ.size(); slot++) {
        if (columns.containsKey(READ.get(slot))) {
          present.add(slot);
        }
      }
      present.sort(Comparator.comparing(slot -> columns.get(READ.get(slot))));
      return new Layout(
          columns,
          labels,
          present.stream().mapToInt(Integer::intValue).toArray(),
          present.stream().mapToInt(slot -> columns.get(READ.get(slot))).toArray(),
          TaskRowParser.keyEnd(present));
    }
  }

  /** Bounded: a server that invents column lists only costs the lists' own work again. */
  private static final int MAX_LAYOUTS = 64;

  private static final Map<List<String>, Layout> LAYOUTS = new ConcurrentHashMap<>();
  private static final List<String> REQUIRED_SORTED = REQUIRED.keySet().stream().sorted().toList();

  private TaskRowParser(Layout layout, ServerTime time) {
    this.labels = layout.labels();
    this.time = time;
    this.slots = layout.slots();
    this.at = layout.at();
    this.keyEnd = layout.keyEnd();
  }

  /** Rows of a server in UTC. */
  public static List<TaskRow> parse(ResultSet rs) throws SQLException, PollException {
    return TaskScan.read(rs, ServerTime.UTC, true, KnownRows.NONE).rows();
  }

  /**
   * A parser for the rows of one result set; {@code time} converts the server's times without
   * offset to UTC.
   *
   * @param withTaskInfo false for a narrow read that leaves task_info out on purpose (it is then
   *     null in every row, to be read separately for the rows that need it)
   */
  public static TaskRowParser of(ResultSetMetaData meta, ServerTime time, boolean withTaskInfo)
      throws SQLException, PollException {
    List<String> names = new ArrayList<>(meta.getColumnCount());
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnLabel(i));
    }
    Layout layout = LAYOUTS.get(names);
    if (layout == null) {
      Map<String, Integer> columns = columns(meta);
      layout = Layout.of(columns, TaskColumns.of(labels(meta, columns)));
      if (LAYOUTS.size() >= MAX_LAYOUTS) {
        LAYOUTS.clear();
      }
      LAYOUTS.put(List.copyOf(names), layout);
    }
    for (String required : REQUIRED_SORTED) {
      if (!layout.columns().containsKey(required)
          && (withTaskInfo || !required.equals("taskinfo"))) {
        throw new PollException(
            PollErrorKind.PARSE,
            "rds_task_status has no column '"
                + REQUIRED.get(required)
                + "' (columns: "
                + columnList(meta)
                + ")");
      }
    }
    return new TaskRowParser(layout, time);
  }

  /** The server's own labels of the columns rows are built from. */
  public TaskColumns columns() {
    return labels;
  }

  /**
   * Whether a row's key columns all come before task_info, so that reading the {@link #key} first
   * saves reading it.
   */
  public boolean keyFirst() {
    return keyEnd >= 0;
  }

  /**
   * Reads the current row up to its key columns (only when {@link #keyFirst()}); null for a row
   * without a task id, which {@link #row} then rejects. {@link #row} goes on from there.
   */
  public RowKey key(ResultSet rs) throws SQLException, PollException {
    startRow();
    readThrough(rs, keyEnd);
    RowValues row = new RowValues(values, rowNumber, time);
    Long taskId = row.taskId();
    return taskId == null
        ? null
        : new RowKey(
            taskId,
            ColumnValues.text(row.value("tasktype")),
            ColumnValues.text(row.value("databasename")),
            row.intOrZero("%complete", "% complete"),
            row.intOrZero("durationmins", "duration (mins)"),
            ColumnValues.text(row.value("lifecycle")));
  }

  /** The current row, reading whatever of it {@link #key} did not. */
  public TaskRow row(ResultSet rs) throws SQLException, PollException {
    if (readUpTo == 0) {
      startRow();
    }
    readThrough(rs, slots.length - 1);
    readUpTo = 0;
    return new RowValues(values, rowNumber, time).row();
  }

  /**
   * Leaves the current row unread past its key; the next {@link #key} or {@link #row} starts the
   * next one.
   */
  public void skipRest() {
    readUpTo = 0;
  }

  private void startRow() {
    rowNumber++;
    readUpTo = 0;
    Arrays.fill(values, null);
  }

  private void readThrough(ResultSet rs, int last) throws SQLException {
    for (; readUpTo <= last; readUpTo++) {
      values[slots[readUpTo]] = rs.getObject(at[readUpTo]);
    }
  }

  /** The server's own label of every column a row is built from, by normalised name. */
  private static Map<String, String> labels(ResultSetMetaData meta, Map<String, Integer> columns)
      throws SQLException {
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
   * The position in column order after which a row's key is read: once every leading column is, and
   * only if task_info (what skipping saves) comes later; else -1.
   */
  private static int keyEnd(List<Integer> slotsInColumnOrder) {
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

  /**
   * One row's values, by slot of {@link #READ}; every getter names the column when a value cannot
   * be read.
   */
  private record RowValues(Object[] values, int rowNumber, ServerTime time) {

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

    /**
     * RDS's task_id is an int counting up from 1; anything else is a misread row, not a task to
     * count.
     */
    Long taskId() throws PollException {
      Object raw = value("taskid");
      Long id = ColumnValues.number(raw, this::fail, "task_id");
      if (id != null && (id < 1 || id > Integer.MAX_VALUE || !ColumnValues.isWhole(raw))) {
        throw fail(
            "task_id", "'" + raw + "' is outside RDS's task ids (1 to " + Integer.MAX_VALUE + ")");
      }
      return id;
    }

    int intOrZero(String key, String column) throws PollException {
      Long n = ColumnValues.number(value(key), this::fail, column);
      return n == null ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    Object value(String key) {
      return values[READ.indexOf(key)];
    }

    PollException fail(String column, String problem) {
      return new PollException(
          PollErrorKind.PARSE,
          "rds_task_status row " + rowNumber + ", column '" + column + "': " + problem);
    }
  }
}
