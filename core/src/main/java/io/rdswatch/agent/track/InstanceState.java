package io.rdswatch.agent.track;

import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.DurationHistogram;
import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FinishedKey;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything about one instance that must survive a restart or kill -9, saved as one unit after
 * every poll so that the counters and the ids they counted never disagree. Immutable.
 *
 * @param baselineTaken a poll has succeeded since the state was (re)built: tasks already finished
 *     at that first poll were settled without counting
 * @param settled task ids whose outcome is final in the counters (counted or deliberately not)
 * @param lastPollSuccess null until a poll has succeeded
 * @param active progress marks of the non-terminal tasks of the last poll, by task id
 */
public record InstanceState(
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

  /** Version of the state file layout; a file with another version is rebuilt, not misread. */
  public static final int FORMAT_VERSION = 1;

  public InstanceState {
    pollErrors = Map.copyOf(pollErrors);
    finished = Map.copyOf(finished);
    failures = Map.copyOf(failures);
    durations = Map.copyOf(durations);
    backupLastSuccess = Map.copyOf(backupLastSuccess);
    restoreLastSuccess = Map.copyOf(restoreLastSuccess);
    active = Map.copyOf(active);
  }

  /** Nothing known: first start, or a lost or corrupt state file. */
  public static InstanceState empty() {
    return new InstanceState(
        false,
        TaskIdSet.none(),
        null,
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of());
  }

  public InstanceState withPollError(PollErrorKind kind) {
    Map<PollErrorKind, Long> errors = new HashMap<>(pollErrors);
    errors.merge(kind, 1L, Long::sum);
    return new InstanceState(
        baselineTaken,
        settled,
        lastPollSuccess,
        errors,
        finished,
        failures,
        durations,
        backupLastSuccess,
        restoreLastSuccess,
        active);
  }

  /** Total of all finished-task counters; handy for logs and tests. */
  public long finishedCount() {
    return finished.values().stream().mapToLong(Long::longValue).sum();
  }
}
