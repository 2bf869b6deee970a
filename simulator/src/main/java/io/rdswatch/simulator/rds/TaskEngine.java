package io.rdswatch.simulator.rds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Moves an instance's tasks and schedule forward to a moment, one event at a time: a task ending or
 * being cancelled, a scheduled backup firing, a queued task taking one of the two slots. Called
 * lazily, under the instance lock, whenever the instance is read.
 */
final class TaskEngine {
  static final int SLOTS = 2;
  private static final Duration ABORT_DELAY = Duration.ofSeconds(3);

  private final RdsInstance rds;
  private final Preflight preflight;
  private final TaskEffects effects;

  TaskEngine(RdsInstance rds) {
    this.rds = rds;
    this.preflight = new Preflight(rds);
    this.effects = new TaskEffects(rds);
  }

  void advanceTo(Instant target) {
    while (true) {
      Instant next = nextEvent();
      if (next == null || next.isAfter(target)) {
        break;
      }
      rds.cursor = next;
      fire(next);
    }
    if (target.isAfter(rds.cursor)) {
      rds.cursor = target;
    }
    rds.tasks.purge(rds.cursor);
    rds.s3.expire(rds.cursor);
  }

  private Instant nextEvent() {
    boolean slotFree = rds.tasks.running() < SLOTS;
    Instant next = rds.schedule.nextFire();
    Duration cancelDelay = rds.timing().cancelDelay();
    for (Task t : rds.tasks.active()) {
      Instant at;
      if (t.startedAt != null) {
        at = min(t.endAt, t.cancelAt(cancelDelay));
      } else if (t.cancelRequestedAt != null) {
        at = t.cancelAt(cancelDelay);
      } else {
        at = slotFree ? max(t.readyAt, rds.cursor) : null;
      }
      next = min(next, at);
    }
    return next;
  }

  private void fire(Instant now) {
    Duration cancelDelay = rds.timing().cancelDelay();
    for (Task t : new ArrayList<>(rds.tasks.active())) {
      Instant cancelAt = t.cancelAt(cancelDelay);
      boolean cancelDue = cancelAt != null && !cancelAt.isAfter(now);
      if (t.startedAt != null) {
        if (cancelDue && !cancelAt.isAfter(t.endAt)) {
          cancel(t, cancelAt);
        } else if (!t.endAt.isAfter(now)) {
          finish(t);
        }
      } else if (cancelDue) {
        cancel(t, cancelAt);
      }
    }
    for (ScheduleEntry entry : rds.schedule.takeDue(now)) {
      rds.procedures().runScheduled(entry, now);
    }
    List<Task> waiting = new ArrayList<>();
    for (Task t : rds.tasks.active()) {
      if (t.startedAt == null && t.cancelRequestedAt == null && !t.readyAt.isAfter(now)) {
        waiting.add(t);
      }
    }
    waiting.sort(Comparator.comparing((Task t) -> t.readyAt).thenComparingInt(t -> t.id));
    for (Task t : waiting) {
      if (rds.tasks.running() >= SLOTS) {
        break;
      }
      start(t, now);
    }
  }

  private void start(Task t, Instant now) {
    t.startedAt = now;
    t.lifecycle = Lifecycle.IN_PROGRESS;
    t.pace = rds.pace();
    if (t.type == TaskType.FINISH_RESTORE) {
      t.run = rds.timing().finishRestore();
      succeedAt(t, now.plus(t.run));
      return;
    }
    if (t.type.isS3Integration()) {
      t.run = rds.timing().run(t.dataMb);
      succeedAt(t, now.plus(t.run));
      return;
    }
    Preflight.Outcome outcome = t.type.isBackup() ? preflight.backup(t) : preflight.restore(t);
    t.dataMb = effects.dataMb(t, outcome);
    t.run = rds.timing().run(t.dataMb);
    if (!outcome.ok()) {
      failAt(t, outcome.failure(), outcome.facts(), now.plus(rds.timing().failAfter()), 0);
      return;
    }
    effects.started(t, outcome);
    Instant cleanEnd = now.plus(t.run);
    succeedAt(t, cleanEnd);
    if (t.injected != null) {
      double at = t.injected.early() ? 0 : t.injectedAt;
      Instant when =
          t.injected.early()
              ? now.plus(rds.timing().failAfter())
              : now.plusMillis((long) (t.run.toMillis() * at));
      failAt(t, t.injected, injectedFacts(outcome.facts()), when, at);
    }
    BackupWindow window = rds.backupWindow();
    if (t.type.isBackup() && window != null) {
      Instant open = window.firstOpenIn(now, t.endAt);
      if (open != null && open.plus(ABORT_DELAY).isBefore(t.endAt)) {
        double at = (double) Duration.between(now, open).toMillis() / t.run.toMillis();
        failAt(t, TaskFailure.BACKUP_WINDOW_OVERLAP, outcome.facts(), open.plus(ABORT_DELAY), at);
      }
    }
  }

  /** Injected KMS failures of a task without a key still need a key to name. */
  private FailureFacts injectedFacts(FailureFacts facts) {
    if (facts.kmsKeyArn() != null) {
      return facts;
    }
    return facts.withKey(
        "arn:aws:kms:"
            + rds.region()
            + ":"
            + rds.settings().accountId()
            + ":key/"
            + new java.util.UUID(rds.random.nextLong(), rds.random.nextLong()));
  }

  private static void succeedAt(Task t, Instant end) {
    t.endAt = end;
    t.endsAs = Lifecycle.SUCCESS;
    t.endFraction = 1;
    t.failure = null;
  }

  private void failAt(
      Task t, TaskFailure failure, FailureFacts facts, Instant end, double fraction) {
    t.endAt = end;
    t.endsAs = Lifecycle.ERROR;
    t.endFraction = Math.max(0, Math.min(fraction, 0.999));
    t.failure = failure;
    t.failureLines = List.copyOf(AbortLog.lines(failure, facts, rds.wording()));
  }

  private void finish(Task t) {
    t.lifecycle = t.endsAs;
    if (t.lifecycle == Lifecycle.SUCCESS) {
      effects.succeeded(t);
    } else {
      effects.failed(t);
    }
    retire(t);
  }

  private void cancel(Task t, Instant at) {
    if (t.startedAt != null) {
      t.endFraction = Math.min(t.endFraction, t.fractionAt(at));
    } else {
      t.run = Duration.ZERO;
      t.endFraction = 0;
    }
    t.endAt = at;
    t.lifecycle = Lifecycle.CANCELLED;
    effects.cancelled(t);
    retire(t);
  }

  private void retire(Task t) {
    t.sources = List.of();
    t.image = null;
    rds.tasks.retire(t);
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
