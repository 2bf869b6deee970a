package io.rdswatch.agent.sql;

import io.rdswatch.exporter.model.ServerTime;
import io.rdswatch.exporter.model.TaskRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of one result set of the task table, read through a {@link TaskRowParser}.
 *
 * @param rows the rows read in full, as listed
 * @param held ids of finished rows the caller holds ({@link KnownRows}) and that were not read past
 *     their key, so they are not among {@code rows}
 * @param columns the server's own labels of the columns read
 * @param time the conversion the rows' times went through, for the server times still inside
 *     task_info
 */
public record TaskScan(List<TaskRow> rows, Set<Long> held, TaskColumns columns, ServerTime time) {

  public TaskScan {
    rows = List.copyOf(rows);
    held = Set.copyOf(held);
  }

  /**
   * @param withTaskInfo false for a narrow read that leaves task_info out on purpose
   * @param known finished rows the caller holds; a row it holds is listed in {@link #held()}
   */
  public static TaskScan read(ResultSet rs, ServerTime time, boolean withTaskInfo, KnownRows known)
      throws SQLException, PollException {
    TaskRowParser parser = TaskRowParser.of(rs.getMetaData(), time, withTaskInfo);
    boolean skipping = known != KnownRows.NONE && parser.keyFirst();
    List<TaskRow> rows = new ArrayList<>();
    Set<Long> held = new HashSet<>();
    while (rs.next()) {
      if (skipping) {
        RowKey key = parser.key(rs);
        if (key != null && key.finished() && known.holds(key)) {
          parser.skipRest();
          held.add(key.taskId());
          continue;
        }
      }
      rows.add(parser.row(rs));
    }
    return new TaskScan(rows, held, parser.columns(), time);
  }
}
