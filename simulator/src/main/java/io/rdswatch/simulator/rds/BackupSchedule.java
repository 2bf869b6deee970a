package io.rdswatch.simulator.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The recurring backup jobs of one instance, with the next moment each one fires. */
final class BackupSchedule {
  private final List<ScheduleEntry> entries = new ArrayList<>();
  private final List<Instant> next = new ArrayList<>();

  void add(ScheduleEntry entry, Instant from) {
    entries.add(entry);
    next.add(entry.firstAtOrAfter(from));
  }

  List<ScheduleEntry> entries() {
    return List.copyOf(entries);
  }

  /** The earliest pending run, or null without entries. */
  Instant nextFire() {
    Instant min = null;
    for (Instant t : next) {
      if (min == null || t.isBefore(min)) {
        min = t;
      }
    }
    return min;
  }

  /** The entries due at {@code t}; each is moved on to its following run. */
  List<ScheduleEntry> takeDue(Instant t) {
    List<ScheduleEntry> due = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!next.get(i).isAfter(t)) {
        if (entries.get(i).runsAt(next.get(i))) {
          due.add(entries.get(i));
        }
        next.set(i, next.get(i).plus(entries.get(i).every()));
      }
    }
    return due;
  }
}
