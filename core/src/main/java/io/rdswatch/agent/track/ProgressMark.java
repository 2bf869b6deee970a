package io.rdswatch.agent.track;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import java.time.Instant;

/**
 * What the tracker remembers about one non-terminal task between polls (and restarts).
 *
 * @param percent % complete at the last poll
 * @param started the task had left CREATED at the last poll
 * @param unchangedSince agent time since which percent (and started) have not changed; for stalls
 * @param startedAt server time (last_updated) at which the task was seen IN_PROGRESS at 0%, i.e.
 *     when it left the queue; null if that moment was not observed
 */
public record ProgressMark(
    int percent, boolean started, Instant unchangedSince, Instant startedAt) {

  /** The mark after seeing {@code row} at {@code now}, given the previous one (or null). */
  static ProgressMark next(ProgressMark previous, TaskRow row, Instant now) {
    boolean started = row.lifecycle() != Lifecycle.CREATED;
    Instant startedAt = previous == null ? null : previous.startedAt();
    if (startedAt == null
        && row.lifecycle() == Lifecycle.IN_PROGRESS
        && row.percentComplete() == 0
        && row.lastUpdated() != null) {
      startedAt = row.lastUpdated();
    }
    boolean moved =
        previous == null
            || previous.percent() != row.percentComplete()
            || previous.started() != started;
    return new ProgressMark(
        row.percentComplete(), started, moved ? now : previous.unchangedSince(), startedAt);
  }
}
