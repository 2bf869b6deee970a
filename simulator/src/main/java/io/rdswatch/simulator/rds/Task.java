package io.rdswatch.simulator.rds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One row of the task table, with the plan the engine follows. Mutable, guarded by the instance
 * lock. task_info is not stored: {@link TaskInfoRenderer} derives it from these fields, which keeps
 * a large history cheap.
 */
final class Task {
  final int id;
  final TaskType type;
  final String database;
  final Instant createdAt;
  final String s3Arn;
  final boolean overwrite;
  final String kmsKeyArn;
  final int files;
  final Instant readyAt;

  /** A failure the scenario's failure rates chose for this task, or null. */
  final TaskFailure injected;

  /** Where in the run (0..1) an injected mid-run failure strikes. */
  final double injectedAt;

  Lifecycle lifecycle = Lifecycle.CREATED;
  Instant startedAt;
  Duration run;

  /** How the work spreads over {@link #run}; chosen when the task starts. */
  Pace pace = Pace.STEADY;

  /** MB the run moves: the database (backup) or the backup files (restore). */
  long dataMb;

  Instant endAt;
  Lifecycle endsAs;
  double endFraction = 1;
  Instant cancelRequestedAt;

  /**
   * task_info of the ended task, which no longer changes; rendered once instead of at every read.
   */
  private TaskInfoRenderer.Log endedLog;

  private ServerZone endedLogZone;
  TaskFailure failure;

  /** The failure's message lines, without timestamps. */
  List<String> failureLines = List.of();

  /** Restore sources resolved at start; dropped once the task ends. */
  List<S3Object> sources = List.of();

  /** What a backup captured when it started; dropped once the task ends. */
  BackupImage image;

  /** A restore created its target database (RESTORING) when it started. */
  boolean createdDatabase;

  /** S3-integration tasks: the file on the instance's disk (the filepath column). */
  String filePath;

  Task(
      int id,
      TaskType type,
      String database,
      Instant createdAt,
      String s3Arn,
      boolean overwrite,
      String kmsKeyArn,
      int files,
      Instant readyAt,
      TaskFailure injected,
      double injectedAt) {
    this.id = id;
    this.type = type;
    this.database = database;
    this.createdAt = createdAt;
    this.s3Arn = s3Arn;
    this.overwrite = overwrite;
    this.kmsKeyArn = kmsKeyArn;
    this.files = files;
    this.readyAt = readyAt;
    this.injected = injected;
    this.injectedAt = injectedAt;
  }

  boolean holdsSlot() {
    return startedAt != null && !lifecycle.isTerminal();
  }

  Instant cancelAt(Duration delay) {
    return cancelRequestedAt == null ? null : cancelRequestedAt.plus(delay);
  }

  /** Progress (0..1) at {@code t}, as far as the task got. */
  double fractionAt(Instant t) {
    if (startedAt == null || t.isBefore(startedAt)) {
      return 0;
    }
    double f =
        pace.work(
            Math.min(
                1,
                (double) Duration.between(startedAt, t).toMillis() / Math.max(1, run.toMillis())));
    return Math.min(f, lifecycle.isTerminal() ? endFraction : Math.min(endFraction, 1));
  }

  /**
   * task_info and last_updated as of {@code now}; a terminal task past its end always shows the
   * same.
   */
  TaskInfoRenderer.Log log(Instant now, ServerZone zone) {
    if (!lifecycle.isTerminal() || endAt == null || endAt.isAfter(now)) {
      return TaskInfoRenderer.render(this, now, zone);
    }
    if (endedLog == null || !zone.equals(endedLogZone)) {
      endedLog = TaskInfoRenderer.render(this, now, zone);
      endedLogZone = zone;
    }
    return endedLog;
  }
}
