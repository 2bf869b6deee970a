package io.rdswatch.exporter.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the exporter knows about one RDS instance at one moment. Built by the agent's tracker
 * after each poll and swapped in atomically; collectors turn it into fresh samples on every scrape.
 * The {@link TaskCounters} are cumulative since the agent's first start and survive restarts
 * through the state file.
 *
 * @param lastPollSuccess null until a poll has succeeded
 * @param counters poll errors, finished tasks, failures, durations and last-success times
 * @param backupWindow the automated backup window as "HH:mm-HH:mm" UTC, or null
 * @param otherLifecycleTasks tasks whose lifecycle RDS does not document, by type: neither active
 *     nor finished, so they get no progress or stall gauges, only a count
 * @param pollMode how the task table is read ("function": rds_fn_task_status, incrementally;
 *     "procedure": exec rds_task_status, in full), or null before the first successful poll
 * @param resyncCorrections tasks that a periodic full read found the incremental reads had missed
 *     or seen differently, since the agent started
 * @param databases the user databases of the last catalog read, with their backup coverage; empty
 *     until the catalog has been read
 * @param expectedIntervalSeconds the usual gap between successful backups per database and backup
 *     type, learned from the task history; absent until enough gaps were seen
 */
public record InstanceSnapshot(
    String name,
    String host,
    Map<String, String> labels,
    boolean up,
    double pollDurationSeconds,
    Instant lastPollSuccess,
    TaskCounters counters,
    List<ActiveTask> activeTasks,
    Set<String> overlappingDatabases,
    String backupWindow,
    Instant takenAt,
    Map<TaskType, Long> otherLifecycleTasks,
    String pollMode,
    long resyncCorrections,
    List<DatabaseCoverage> databases,
    Map<BackupKey, Double> expectedIntervalSeconds)
    implements TaskCounters.Holder {

  public InstanceSnapshot {
    labels = Map.copyOf(labels);
    activeTasks = List.copyOf(activeTasks);
    overlappingDatabases = Set.copyOf(overlappingDatabases);
    otherLifecycleTasks = Map.copyOf(otherLifecycleTasks);
    databases = List.copyOf(databases);
    expectedIntervalSeconds = Map.copyOf(expectedIntervalSeconds);
  }

  /** A snapshot with its counters given one by one. */
  public InstanceSnapshot(
      String name,
      String host,
      Map<String, String> labels,
      boolean up,
      double pollDurationSeconds,
      Instant lastPollSuccess,
      Map<PollErrorKind, Long> pollErrors,
      List<ActiveTask> activeTasks,
      Map<FinishedKey, Long> finished,
      Map<FailureKey, Long> failures,
      Map<TaskType, DurationHistogram> durations,
      Map<BackupKey, Instant> backupLastSuccess,
      Map<String, Instant> restoreLastSuccess,
      Set<String> overlappingDatabases,
      String backupWindow,
      Instant takenAt,
      Map<TaskType, Long> otherLifecycleTasks,
      String pollMode,
      long resyncCorrections,
      List<DatabaseCoverage> databases,
      Map<BackupKey, Double> expectedIntervalSeconds) {
    this(
        name,
        host,
        labels,
        up,
        pollDurationSeconds,
        lastPollSuccess,
        new TaskCounters(
            pollErrors, finished, failures, durations, backupLastSuccess, restoreLastSuccess),
        activeTasks,
        overlappingDatabases,
        backupWindow,
        takenAt,
        otherLifecycleTasks,
        pollMode,
        resyncCorrections,
        databases,
        expectedIntervalSeconds);
  }

  /** A snapshot without tasks of undocumented lifecycles, poll mode, catalog or learned cadence. */
  public InstanceSnapshot(
      String name,
      String host,
      Map<String, String> labels,
      boolean up,
      double pollDurationSeconds,
      Instant lastPollSuccess,
      Map<PollErrorKind, Long> pollErrors,
      List<ActiveTask> activeTasks,
      Map<FinishedKey, Long> finished,
      Map<FailureKey, Long> failures,
      Map<TaskType, DurationHistogram> durations,
      Map<BackupKey, Instant> backupLastSuccess,
      Map<String, Instant> restoreLastSuccess,
      Set<String> overlappingDatabases,
      String backupWindow,
      Instant takenAt) {
    this(
        name,
        host,
        labels,
        up,
        pollDurationSeconds,
        lastPollSuccess,
        pollErrors,
        activeTasks,
        finished,
        failures,
        durations,
        backupLastSuccess,
        restoreLastSuccess,
        overlappingDatabases,
        backupWindow,
        takenAt,
        Map.of(),
        null,
        0,
        List.of(),
        Map.of());
  }

  /** User databases the catalog lists that have no successful native FULL backup. */
  public long unprotectedDatabases() {
    return databases.stream().filter(DatabaseCoverage::unprotected).count();
  }
}
