package io.rdswatch.exporter.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One instance's cumulative counters and last-success times: what the agent's state file keeps
 * across restarts and what the page exports from them. Immutable.
 *
 * @param pollErrors failed polls by kind
 * @param finished tasks seen finishing, each counted once
 * @param failures failed tasks by reason
 * @param durations durations of successful tasks by type
 * @param backupLastSuccess last successful native backup per database and backup type
 * @param restoreLastSuccess last successful restore per target database name
 */
public record TaskCounters(
    Map<PollErrorKind, Long> pollErrors,
    Map<FinishedKey, Long> finished,
    Map<FailureKey, Long> failures,
    Map<TaskType, DurationHistogram> durations,
    Map<BackupKey, Instant> backupLastSuccess,
    Map<String, Instant> restoreLastSuccess) {

  public static final TaskCounters NONE =
      new TaskCounters(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

  public TaskCounters {
    pollErrors = Map.copyOf(pollErrors);
    finished = Map.copyOf(finished);
    failures = Map.copyOf(failures);
    durations = Map.copyOf(durations);
    backupLastSuccess = Map.copyOf(backupLastSuccess);
    restoreLastSuccess = Map.copyOf(restoreLastSuccess);
  }

  /** A holder of counters (the state file's entry, the snapshot), which reads them as its own. */
  public interface Holder {

    TaskCounters counters();

    default Map<PollErrorKind, Long> pollErrors() {
      return counters().pollErrors();
    }

    default Map<FinishedKey, Long> finished() {
      return counters().finished();
    }

    default Map<FailureKey, Long> failures() {
      return counters().failures();
    }

    default Map<TaskType, DurationHistogram> durations() {
      return counters().durations();
    }

    default Map<BackupKey, Instant> backupLastSuccess() {
      return counters().backupLastSuccess();
    }

    default Map<String, Instant> restoreLastSuccess() {
      return counters().restoreLastSuccess();
    }
  }

  /** These counters with one more failed poll of this kind. */
  public TaskCounters withPollError(PollErrorKind kind) {
    Map<PollErrorKind, Long> errors = new HashMap<>(pollErrors);
    errors.merge(kind, 1L, Long::sum);
    return new TaskCounters(
        errors, finished, failures, durations, backupLastSuccess, restoreLastSuccess);
  }
}
