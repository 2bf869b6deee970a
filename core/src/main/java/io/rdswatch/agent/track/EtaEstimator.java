package io.rdswatch.agent.track;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Time left of each IN_PROGRESS task, from its recent progress rate (README, "Task ETA").
 *
 * <p>RDS moves % complete in steps of 5 and stamps last_updated when it does. Every percent seen
 * for the first time is a point (percent, last_updated); the rate is the progress between the
 * oldest and newest of the last {@link #WINDOW} points divided by the server time between them, so
 * it follows a task that speeds up or slows down. Time left = what remains at that rate, minus the
 * agent time since the newest point was first seen, and never below 0. A task gets an estimate only
 * after two steps (three points), so one lucky step is not extrapolated.
 *
 * <p>Differences of server times do not depend on the server's time zone; only agent time is
 * compared with agent time. Not thread-safe: the tracker calls it under its lock. Not durable:
 * after a restart the estimate needs two new steps.
 */
final class EtaEstimator {

  /** Points kept per task: up to four recent steps. */
  static final int WINDOW = 5;

  private record Point(int percent, Instant serverTime, Instant seenAt) {}

  private final Map<Long, Deque<Point>> tasks = new HashMap<>();

  /** Takes one poll's rows; tasks no longer IN_PROGRESS are forgotten. */
  void observe(List<TaskRow> rows, Instant now) {
    Set<Long> running = new HashSet<>();
    for (TaskRow row : rows) {
      if (row.lifecycle() != Lifecycle.IN_PROGRESS) {
        continue;
      }
      running.add(row.taskId());
      Deque<Point> points = tasks.computeIfAbsent(row.taskId(), id -> new ArrayDeque<>());
      Point last = points.peekLast();
      if (last == null || row.percentComplete() > last.percent()) {
        Instant server = row.lastUpdated() != null ? row.lastUpdated() : now;
        points.addLast(new Point(row.percentComplete(), server, now));
        if (points.size() > WINDOW) {
          points.removeFirst();
        }
      }
    }
    tasks.keySet().retainAll(running);
  }

  /** Seconds left for the task, or NaN while its rate is unknown. */
  double secondsLeft(long taskId, Instant now) {
    Deque<Point> points = tasks.get(taskId);
    if (points == null || points.size() < 3) {
      return Double.NaN;
    }
    Point first = points.peekFirst();
    Point last = points.peekLast();
    double seconds = Duration.between(first.serverTime(), last.serverTime()).toMillis() / 1000.0;
    int moved = last.percent() - first.percent();
    if (!(seconds > 0) || moved <= 0) {
      return Double.NaN;
    }
    double left = (100 - last.percent()) * seconds / moved;
    double sinceLast = Duration.between(last.seenAt(), now).toMillis() / 1000.0;
    return Math.max(0, left - Math.max(0, sinceLast));
  }

  /** For tests: the tasks being followed. */
  int followed() {
    return tasks.size();
  }
}
