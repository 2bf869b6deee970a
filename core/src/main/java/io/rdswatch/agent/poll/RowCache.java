package io.rdswatch.agent.poll;

import io.rdswatch.exporter.model.TaskRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance's rows from its last read that a narrow read can return again (those above the
 * settled watermark, and any not finished), task_info and all. A narrow read leaves task_info out;
 * this tells which of its rows are new or changed and so need their task_info read, and fills it in
 * for the others. Lost on restart, which is why the first read after a start is a full one.
 */
final class RowCache {

  private Map<Long, TaskRow> rows = Map.of();

  /** Ids of narrow rows that are new or differ from the cached row in any column read. */
  List<Long> needingTaskInfo(List<TaskRow> narrow) {
    List<Long> ids = new ArrayList<>();
    for (TaskRow row : narrow) {
      TaskRow cached = rows.get(row.taskId());
      if (cached == null || !row.withTaskInfo(cached.taskInfo()).equals(cached)) {
        ids.add(row.taskId());
      }
    }
    return ids;
  }

  /** The narrow rows with task_info: as just read where {@code read} has it, else as cached. */
  List<TaskRow> complete(List<TaskRow> narrow, Map<Long, String> read) {
    List<TaskRow> out = new ArrayList<>(narrow.size());
    for (TaskRow row : narrow) {
      TaskRow cached = rows.get(row.taskId());
      String info =
          read.containsKey(row.taskId()) || cached == null
              ? read.get(row.taskId())
              : cached.taskInfo();
      out.add(row.withTaskInfo(info));
    }
    return out;
  }

  /**
   * Keeps the rows a later narrow read can return: above {@code watermark}, or not finished. Rows a
   * full read held rather than read are not among {@code read}, so they count as new next time.
   */
  void keep(List<TaskRow> read, long watermark) {
    Map<Long, TaskRow> next = new HashMap<>();
    for (TaskRow row : read) {
      if (row.taskId() > watermark || !row.lifecycle().isTerminal()) {
        next.put(row.taskId(), row);
      }
    }
    rows = next;
  }

  int size() {
    return rows.size();
  }
}
