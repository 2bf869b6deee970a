package io.rdswatch.agent.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The task ids whose outcome is settled (counted, or deliberately not counted because they had
 * finished before the agent first looked). Compact: every id up to {@code through} plus a few
 * ranges above it, because ids increase per instance and tasks mostly finish in order; a task that
 * finishes out of order only leaves a gap until the older one finishes too.
 *
 * <p>Immutable.
 */
public record TaskIdSet(long through, List<Range> ranges) {

  /** Ids first..last inclusive. */
  public record Range(long first, long last) {
    public Range {
      if (last < first) {
        throw new IllegalArgumentException("range " + first + ".." + last + " is reversed");
      }
    }
  }

  /** Ids start at 1, so -1 settles nothing. */
  public static TaskIdSet none() {
    return new TaskIdSet(-1, List.of());
  }

  public TaskIdSet {
    ranges = normalise(through, ranges);
    while (!ranges.isEmpty() && ranges.get(0).first() <= through + 1) {
      through = Math.max(through, ranges.get(0).last());
      ranges = ranges.subList(1, ranges.size());
    }
    ranges = List.copyOf(ranges);
  }

  public boolean contains(long id) {
    if (id <= through) {
      return true;
    }
    for (Range r : ranges) {
      if (id < r.first()) {
        return false;
      }
      if (id <= r.last()) {
        return true;
      }
    }
    return false;
  }

  public TaskIdSet with(long id) {
    if (contains(id)) {
      return this;
    }
    List<Range> next = new ArrayList<>(ranges);
    next.add(new Range(id, id));
    return new TaskIdSet(through, next);
  }

  /**
   * Settles every id up to {@code id}. Used with the lowest id still listed by rds_task_status:
   * anything older has left its 36-day history and can never be seen again.
   */
  public TaskIdSet settledThrough(long id) {
    return id <= through ? this : new TaskIdSet(id, ranges);
  }

  /** Sorted, merged ranges that lie above {@code through}. */
  private static List<Range> normalise(long through, List<Range> input) {
    List<Range> sorted = new ArrayList<>(input);
    sorted.sort(Comparator.comparingLong(Range::first));
    List<Range> merged = new ArrayList<>();
    for (Range r : sorted) {
      if (r.last() <= through) {
        continue;
      }
      Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && r.first() <= last.last() + 1) {
        merged.set(merged.size() - 1, new Range(last.first(), Math.max(last.last(), r.last())));
      } else {
        merged.add(r);
      }
    }
    return merged;
  }
}
