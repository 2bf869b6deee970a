package io.rdswatch.simulator.rds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The task table of one instance: every task in id order, plus the few that are not terminal. Keeps
 * 36 days of history; older terminal tasks are purged.
 */
final class TaskTable {
  static final Duration RETENTION = Duration.ofDays(36);
  private static final Duration PURGE_EVERY = Duration.ofHours(1);

  private final ArrayList<Task> all = new ArrayList<>();
  private final List<Task> active = new ArrayList<>();
  private int nextId = 1;
  private Instant lastPurge;

  int nextId() {
    return nextId++;
  }

  void add(Task task) {
    all.add(task);
    active.add(task);
  }

  Task byId(int id) {
    int lo = 0;
    int hi = all.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int at = all.get(mid).id;
      if (at == id) {
        return all.get(mid);
      }
      if (at < id) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  List<Task> all() {
    return all;
  }

  /** Tasks not yet terminal, in id order. */
  List<Task> active() {
    return active;
  }

  void retire(Task task) {
    active.remove(task);
  }

  int running() {
    int n = 0;
    for (Task t : active) {
      if (t.holdsSlot()) {
        n++;
      }
    }
    return n;
  }

  void purge(Instant now) {
    if (lastPurge != null && Duration.between(lastPurge, now).compareTo(PURGE_EVERY) < 0) {
      return;
    }
    lastPurge = now;
    Instant cutoff = now.minus(RETENTION);
    all.removeIf(t -> t.lifecycle.isTerminal() && t.createdAt.isBefore(cutoff));
  }
}
