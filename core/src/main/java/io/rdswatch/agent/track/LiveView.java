package io.rdswatch.agent.track;

import io.rdswatch.exporter.model.ActiveTask;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * The non-durable picture of one poll: active tasks with progress, stall and queue age, and the
 * databases whose backups overlap. Rebuilt from the rows and the progress marks on every poll.
 */
record LiveView(
    List<ActiveTask> activeTasks,
    Set<String> overlappingDatabases,
    Map<TaskType, Long> otherLifecycle) {

  static final LiveView NONE = new LiveView(List.of(), Set.of(), Map.of());

  LiveView {
    activeTasks = List.copyOf(activeTasks);
    overlappingDatabases = Set.copyOf(overlappingDatabases);
    otherLifecycle = Map.copyOf(otherLifecycle);
  }

  /**
   * @param etaSeconds time left of a task by id, NaN when unknown
   */
  static LiveView of(
      List<TaskRow> rows,
      Map<Long, ProgressMark> marks,
      Instant now,
      Duration stallAfter,
      BackupWindow window,
      UnaryOperator<String> databaseLabel,
      LongToDoubleFunction etaSeconds) {
    List<ActiveTask> active = new ArrayList<>();
    Map<String, Integer> backupsPerDb = new HashMap<>();
    Set<String> overlapping = new TreeSet<>();
    boolean inWindow = window != null && window.contains(now);
    List<TaskRow> moving = rows.stream().filter(TaskRow::isActive).toList();
    // an undocumented lifecycle may be terminal or not: counted, never tracked as progressing
    Map<TaskType, Long> other = new EnumMap<>(TaskType.class);
    rows.stream()
        .filter(r -> r.lifecycle() == Lifecycle.UNKNOWN)
        .forEach(r -> other.merge(r.taskType(), 1L, Long::sum));
    for (TaskRow raw : TaskLedger.byId(moving)) {
      TaskRow row = relabel(raw, databaseLabel);
      boolean queued = row.lifecycle() == Lifecycle.CREATED;
      ProgressMark mark = marks.get(row.taskId());
      boolean stalled =
          !queued
              && mark != null
              && Duration.between(mark.unchangedSince(), now).compareTo(stallAfter) >= 0;
      double queuedSeconds =
          queued && row.createdAt() != null
              ? Math.max(0, Duration.between(row.createdAt(), now).toMillis() / 1000.0)
              : 0;
      double ratio = Math.min(1, Math.max(0, row.percentComplete() / 100.0));
      double eta =
          row.lifecycle() == Lifecycle.IN_PROGRESS
              ? etaSeconds.applyAsDouble(row.taskId())
              : Double.NaN;
      active.add(new ActiveTask(row, ratio, stalled, queuedSeconds, eta));
      if (row.taskType().isBackup() && row.database() != null) {
        if (backupsPerDb.merge(row.database(), 1, Integer::sum) >= 2 || (inWindow && !queued)) {
          overlapping.add(row.database());
        }
      }
    }
    return new LiveView(active, overlapping, other);
  }

  /** Applies the database label policy (e.g. folding drill scratch names) to an active row. */
  private static TaskRow relabel(TaskRow r, UnaryOperator<String> databaseLabel) {
    String db = databaseLabel.apply(r.database());
    if (db == null ? r.database() == null : db.equals(r.database())) {
      return r;
    }
    return r.withDatabase(db);
  }
}
