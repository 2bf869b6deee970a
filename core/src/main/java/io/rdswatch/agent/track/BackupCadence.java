package io.rdswatch.agent.track;

import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Learns each database's usual interval between successful backups of one type from the task
 * history (README, "Learned backup cadence"): the median of the gaps between consecutive successes
 * (by last_updated), once there are at least {@link #MIN_GAPS}. The median ignores the odd manual
 * backup between two scheduled ones and the odd missed run.
 *
 * <p>Incremental: a success is taken once (by task id) and forgotten when it is older than the
 * history RDS keeps, so a poll that gives known tasks without their timestamps loses nothing. Not
 * thread-safe: the tracker calls it under its lock.
 */
final class BackupCadence {

  static final int MIN_GAPS = 5;

  /** How long RDS keeps a task in rds_task_status. */
  static final Duration HISTORY = Duration.ofDays(36);

  private final Map<BackupKey, NavigableMap<Long, Instant>> successes = new HashMap<>();
  private final Set<BackupKey> dirty = new HashSet<>();
  private final Map<BackupKey, Double> learned = new HashMap<>();
  private Map<BackupKey, Double> learnedCopy; // what learned() last gave, until a median changes

  /**
   * The oldest success held (null for none): no sweep for expired ones is needed before it expires.
   */
  private Instant earliest;

  /** Takes one poll's rows. */
  void observe(List<TaskRow> rows, Instant now, UnaryOperator<String> databaseLabel) {
    for (TaskRow row : rows) {
      if (row.lifecycle() != Lifecycle.SUCCESS
          || !row.taskType().isBackup()
          || row.lastUpdated() == null) {
        continue;
      }
      String db = databaseLabel.apply(row.database());
      if (db == null) {
        continue;
      }
      BackupKey key = new BackupKey(db, BackupKind.of(row.taskType()));
      if (successes
              .computeIfAbsent(key, k -> new TreeMap<>())
              .putIfAbsent(row.taskId(), row.lastUpdated())
          == null) {
        dirty.add(key);
        earliest =
            earliest == null || row.lastUpdated().isBefore(earliest) ? row.lastUpdated() : earliest;
      }
    }
    Instant oldest = now.minus(HISTORY);
    if (earliest != null && earliest.isBefore(oldest)) {
      forgetOlderThan(oldest);
    }
    if (!dirty.isEmpty()) {
      learnedCopy = null;
    }
    for (BackupKey key : dirty) {
      double median = medianGapSeconds(successes.get(key).values());
      if (Double.isNaN(median)) {
        learned.remove(key);
      } else {
        learned.put(key, median);
      }
    }
    dirty.clear();
    successes.values().removeIf(Map::isEmpty);
  }

  /** Sweeps every database, which a poll at a steady interval needs about once per new success. */
  private void forgetOlderThan(Instant oldest) {
    earliest = null;
    successes.forEach(
        (key, byId) -> {
          if (byId.values().removeIf(at -> at.isBefore(oldest))) {
            dirty.add(key);
          }
          for (Instant at : byId.values()) {
            earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
          }
        });
  }

  /** The learned interval in seconds per database and backup type. */
  Map<BackupKey, Double> learned() {
    if (learnedCopy == null) {
      learnedCopy = Map.copyOf(learned);
    }
    return learnedCopy;
  }

  /** Median gap between the times, or NaN with fewer than {@link #MIN_GAPS} positive gaps. */
  static double medianGapSeconds(Iterable<Instant> times) {
    List<Instant> sorted = new ArrayList<>();
    times.forEach(sorted::add);
    sorted.sort(null);
    List<Double> gaps = new ArrayList<>();
    for (int i = 1; i < sorted.size(); i++) {
      double gap = Duration.between(sorted.get(i - 1), sorted.get(i)).toMillis() / 1000.0;
      if (gap > 0) {
        gaps.add(gap);
      }
    }
    if (gaps.size() < MIN_GAPS) {
      return Double.NaN;
    }
    gaps.sort(null);
    int mid = gaps.size() / 2;
    return gaps.size() % 2 == 1 ? gaps.get(mid) : (gaps.get(mid - 1) + gaps.get(mid)) / 2;
  }
}
