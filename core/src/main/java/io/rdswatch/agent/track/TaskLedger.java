package io.rdswatch.agent.track;

import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.DurationHistogram;
import io.rdswatch.exporter.model.FailureClassifier;
import io.rdswatch.exporter.model.FailureContext;
import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FailureReason;
import io.rdswatch.exporter.model.FinishedKey;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskCounters;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The counting rules, as a pure function from the previous state and one poll's rows to the next
 * state. A task is counted when a poll first shows it terminal and its id is not yet settled; its
 * id is settled in the same state, so saving that state once makes the count exactly-once.
 *
 * <p>First poll without state: tasks already terminal are settled without counting (counters start
 * at 0 instead of replaying 36 days of history as if it had just happened, which after a lost state
 * file would look like a burst of fresh failures to increase()); last-success timestamps are seeded
 * from that history, so backup age is right from the first scrape.
 */
final class TaskLedger {

  /** rds_task_status keeps 36 days; restore targets older than that are mostly one-off names. */
  static final Duration HISTORY = Duration.ofDays(36);

  private TaskLedger() {}

  static InstanceState apply(
      InstanceState previous,
      List<TaskRow> rows,
      Instant now,
      UnaryOperator<String> databaseLabel,
      FailureContext failureContext) {
    List<TaskRow> byId = byId(rows);
    return apply(
        previous,
        rows,
        now,
        databaseLabel,
        failureContext,
        byId.isEmpty() ? 0 : byId.get(0).taskId());
  }

  /**
   * @param settleBelow for a full read, the lowest id it listed: ids below it are settled; 0 for a
   *     narrow read, which proves no such thing if the server left a row out (a full read comes
   *     within the hour anyway)
   */
  static InstanceState apply(
      InstanceState previous,
      List<TaskRow> rows,
      Instant now,
      UnaryOperator<String> databaseLabel,
      FailureContext failureContext,
      long settleBelow) {
    List<TaskRow> byId = byId(rows);
    Counts counts = null; // most polls finish nothing: they keep the previous counters as they are
    TaskIdSet settled = previous.settled();
    for (TaskRow row : byId) {
      if (!row.lifecycle().isTerminal() || settled.contains(row.taskId())) {
        continue;
      }
      counts = counts == null ? new Counts(previous, failureContext) : counts;
      if (previous.baselineTaken()) {
        counts.count(row, databaseLabel.apply(row.database()), previous.active().get(row.taskId()));
      }
      settled = settled.with(row.taskId());
    }
    if (settleBelow > 0) {
      settled = settled.settledThrough(settleBelow - 1);
    }
    Map<Long, ProgressMark> active = new HashMap<>();
    for (TaskRow row : byId) {
      // a row settled by an earlier poll was merged then: the timestamps only move forward, so only
      // this poll's newly finished rows can move them (O(new rows), not O(36 days), per poll)
      if (row.lifecycle() == Lifecycle.SUCCESS && !previous.settled().contains(row.taskId())) {
        counts.success(row, databaseLabel.apply(row.database()), now);
      } else if (row.isActive()) {
        active.put(row.taskId(), ProgressMark.next(previous.active().get(row.taskId()), row, now));
      }
    }
    Instant forgotten = now.minus(HISTORY);
    if (counts == null
        && previous.restoreLastSuccess().values().stream()
            .noneMatch(at -> at.isBefore(forgotten))) {
      return new InstanceState(true, settled, now, previous.counters(), active);
    }
    counts = counts == null ? new Counts(previous, failureContext) : counts;
    counts.restores.values().removeIf(at -> at.isBefore(forgotten));
    return new InstanceState(true, settled, now, counts.counters(previous.pollErrors()), active);
  }

  /** The rows in task id order; RDS already lists them so, which is checked instead of sorting. */
  static List<TaskRow> byId(List<TaskRow> rows) {
    for (int i = 1; i < rows.size(); i++) {
      if (rows.get(i - 1).taskId() > rows.get(i).taskId()) {
        return rows.stream().sorted(Comparator.comparingLong(TaskRow::taskId)).toList();
      }
    }
    return rows;
  }

  /** ERROR, or CANCELLED by RDS because of the automated backup window (not by a person). */
  static Optional<FailureReason> failure(TaskRow row, FailureContext context) {
    if (row.lifecycle() != Lifecycle.ERROR && row.lifecycle() != Lifecycle.CANCELLED) {
      return Optional.empty();
    }
    FailureReason reason = FailureClassifier.classify(row, context).reason();
    if (row.lifecycle() == Lifecycle.ERROR
        || (row.lifecycle() == Lifecycle.CANCELLED
            && reason == FailureReason.BACKUP_WINDOW_OVERLAP)) {
      return Optional.of(reason);
    }
    return Optional.empty();
  }

  /**
   * Seconds a successful task took: last_updated at SUCCESS minus last_updated when it was seen
   * IN_PROGRESS at 0% (the measured run, without queue wait); else minus created_at (queue wait
   * included); else RDS's duration(mins). Both ends are server time, so the time zone cancels out.
   */
  static Optional<Double> durationSeconds(TaskRow row, ProgressMark mark) {
    Instant end = row.lastUpdated();
    Instant start = mark != null && mark.startedAt() != null ? mark.startedAt() : row.createdAt();
    if (end != null && start != null && !end.isBefore(start)) {
      return Optional.of(Duration.between(start, end).toMillis() / 1000.0);
    }
    return row.durationMinutes() >= 0
        ? Optional.of(row.durationMinutes() * 60.0)
        : Optional.empty();
  }

  /** Mutable working copies of the counters for one apply(). */
  private static final class Counts {
    final Map<FinishedKey, Long> finished;
    final Map<FailureKey, Long> failures;
    final Map<TaskType, DurationHistogram> durations;
    final Map<BackupKey, Instant> backups;
    final Map<String, Instant> restores;
    final FailureContext failureContext;

    Counts(InstanceState s, FailureContext failureContext) {
      this.failureContext = failureContext;
      finished = new HashMap<>(s.finished());
      failures = new HashMap<>(s.failures());
      durations = new HashMap<>(s.durations());
      backups = new HashMap<>(s.backupLastSuccess());
      restores = new HashMap<>(s.restoreLastSuccess());
    }

    TaskCounters counters(Map<PollErrorKind, Long> pollErrors) {
      return new TaskCounters(pollErrors, finished, failures, durations, backups, restores);
    }

    void count(TaskRow row, String database, ProgressMark mark) {
      TaskType type = row.taskType();
      finished.merge(new FinishedKey(database, type, row.lifecycle()), 1L, Long::sum);
      failure(row, failureContext)
          .ifPresent(r -> failures.merge(new FailureKey(database, type, r), 1L, Long::sum));
      if (row.lifecycle() == Lifecycle.SUCCESS) {
        durationSeconds(row, mark)
            .ifPresent(
                s ->
                    durations.merge(
                        type, DurationHistogram.empty().observe(s), (h, n) -> h.observe(s)));
      }
    }

    /**
     * Last-success timestamps only move forward, whatever order rows come in, and never past the
     * agent's now: a server clock running ahead of the agent's must not export a moment to come.
     */
    void success(TaskRow row, String database, Instant now) {
      Instant at = row.lastUpdated() != null ? row.lastUpdated() : row.createdAt();
      if (database == null || at == null) {
        return;
      }
      at = at.isAfter(now) ? now : at;
      TaskType type = row.taskType();
      if (type.isBackup()) {
        backups.merge(new BackupKey(database, BackupKind.of(type)), at, TaskLedger::later);
      } else if (type.isRestore() || type == TaskType.FINISH_RESTORE) {
        restores.merge(database, at, TaskLedger::later);
      }
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
