package io.rdswatch.agent.track;

import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.DurationHistogram;
import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FinishedKey;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskCounters;
import io.rdswatch.exporter.model.TaskType;
import java.time.Instant;
import java.util.Map;

/**
 * Everything about one instance that must survive a restart or kill -9, saved as one unit after
 * every poll so that the counters and the ids they counted never disagree. Immutable.
 *
 * @param baselineTaken a poll has succeeded since the state was (re)built: tasks already finished
 *     at that first poll were settled without counting
 * @param settled task ids whose outcome is final in the counters (counted or deliberately not)
 * @param lastPollSuccess null until a poll has succeeded
 * @param counters the counters and last-success times, as the snapshot exports them
 * @param active progress marks of the non-terminal tasks of the last poll, by task id
 */
public record InstanceState(
    boolean baselineTaken,
    TaskIdSet settled,
    Instant lastPollSuccess,
    TaskCounters counters,
    Map<Long, ProgressMark> active)
    implements TaskCounters.Holder {

  /** Version of the state file layout; a file with another version is rebuilt, not misread. */
  public static final int FORMAT_VERSION = 1;

  public InstanceState {
    active = Map.copyOf(active);
  }

  public InstanceState(
      boolean baselineTaken,
      TaskIdSet settled,
      Instant lastPollSuccess,
      Map<PollErrorKind, Long> pollErrors,
      Map<FinishedKey, Long> finished,
      Map<FailureKey, Long> failures,
      Map<TaskType, DurationHistogram> durations,
      Map<BackupKey, Instant> backupLastSuccess,
      Map<String, Instant> restoreLastSuccess,
      Map<Long, ProgressMark> active) {
    this(
        baselineTaken,
        settled,
        lastPollSuccess,
        new TaskCounters(
            pollErrors, finished, failures, durations, backupLastSuccess, restoreLastSuccess),
        active);
  }

  /** Nothing known: first start, or a lost or corrupt state file. */
  public static InstanceState empty() {
    return new InstanceState(false, TaskIdSet.none(), null, TaskCounters.NONE, Map.of());
  }

  public InstanceState withPollError(PollErrorKind kind) {
    return new InstanceState(
        baselineTaken, settled, lastPollSuccess, counters.withPollError(kind), active);
  }

  public InstanceState withLastPollSuccess(Instant at) {
    return new InstanceState(baselineTaken, settled, at, counters, active);
  }

  /**
   * This state with other progress marks, to tell a poll that moved only progress from one that
   * counted.
   */
  public InstanceState withActive(Map<Long, ProgressMark> marks) {
    return new InstanceState(baselineTaken, settled, lastPollSuccess, counters, marks);
  }

  /** Total of all finished-task counters; handy for logs and tests. */
  public long finishedCount() {
    return finished().values().stream().mapToLong(Long::longValue).sum();
  }
}
