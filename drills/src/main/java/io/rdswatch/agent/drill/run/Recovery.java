package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillLease;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.journal.RestoreTask;
import io.rdswatch.agent.drill.sql.TaskStatus;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles drills whose owner is gone (crash, kill -9, lost connection): it keeps following the
 * restore task, or drops the scratch database the drill created, or records `interrupted`. Runs at
 * start and then periodically; a drill another live process owns is left alone.
 */
public final class Recovery {

  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
  private static final java.util.Set<String> UNTRUSTED =
      java.util.Set.of("journal_unsealed", "scratch_name_invalid");

  /** After the drill's timeout plus this, an unreachable target no longer keeps a drill open. */
  static final Duration GIVE_UP_AFTER = Duration.ofHours(1);

  private final DrillRunner runner;

  public Recovery(DrillRunner runner) {
    this.runner = runner;
  }

  /** Reconciles every unfinished drill nobody owns, one after another; returns what it touched. */
  public List<DrillRecord> reconcile(DrillObserver observer) throws InterruptedException {
    List<DrillRecord> touched = new ArrayList<>();
    for (DrillRecord r : unfinished()) {
      recoverOne(r.id(), observer).ifPresent(touched::add);
    }
    return touched;
  }

  /**
   * False for a journal closed untouched because it could not be trusted: it vouches for no
   * database.
   */
  static boolean vouchesForItsScratch(DrillRecord r) {
    return r.reasonCode() == null || !UNTRUSTED.contains(r.reasonCode());
  }

  /** Unfinished drills on disk, whether or not a live process owns them. */
  public List<DrillRecord> unfinished() {
    return runner.context().journal().list().stream().filter(r -> !r.isFinished()).toList();
  }

  /** Recovers one drill if it is unfinished and nobody owns it; empty otherwise. */
  public Optional<DrillRecord> recoverOne(String id, DrillObserver observer)
      throws InterruptedException {
    DrillContext ctx = runner.context();
    try {
      Optional<DrillLease> lease = ctx.journal().claim(id);
      if (lease.isEmpty()) {
        return Optional.empty();
      }
      Optional<DrillRecord> sealed = ctx.journal().readSealed(id);
      DrillRecord record = sealed.or(() -> ctx.journal().read(id)).orElseThrow();
      try (DrillRun run = new DrillRun(ctx, lease.get(), record, observer)) {
        return Optional.of(sealed.isPresent() ? recover(run) : untrusted(run));
      }
    } catch (IOException e) {
      LOG.warn("cannot recover drill {}: {}", id, e.getMessage());
      return Optional.empty();
    }
  }

  DrillRecord recover(DrillRun run) throws IOException, InterruptedException {
    DrillRecord r = run.record.recovered(true);
    LOG.info(
        "recovering drill {} of {} on {} from step {}",
        r.id(),
        r.plan().database(),
        r.plan().targetInstance(),
        r.step());
    Optional<String> notScratch =
        r.scratchName() == null ? Optional.empty() : run.nameRefusal(r.scratchName());
    if (notScratch.isPresent()) {
      return untouched(run, "scratch_name_invalid", "the journal names " + notScratch.get());
    }
    try {
      if (r.step() != DrillStep.PREFLIGHT) {
        lock(run);
      }
      switch (r.step()) {
        case PREFLIGHT -> {
          r.outcome(
              DrillStatus.INTERRUPTED,
              "interrupted",
              "agent stopped during preflight; nothing was changed");
          return runner.finish(run);
        }
        case SUBMITTING -> {
          if (!adoptSubmitted(run)) {
            if (r.tasks().isEmpty()) {
              r.outcome(
                  DrillStatus.INTERRUPTED,
                  "interrupted",
                  "agent stopped before the restore was submitted; nothing was changed");
              return runner.finish(run);
            }
            r.outcome(
                DrillStatus.INTERRUPTED,
                "interrupted",
                "agent stopped before the differential was submitted");
          }
        }
        case VERIFYING -> {
          if (r.outcome()
              == DrillStatus
                  .RUNNING) { // else verification had already ended, e.g. verify_interrupted
            r.outcome(
                DrillStatus.INTERRUPTED,
                "interrupted",
                "agent stopped during verify; checks finished before that are kept");
          }
        }
        default -> {
          // RESTORING: keep following; DROPPING: the outcome is decided, drop again
        }
      }
      return runner.complete(run);
    } catch (SQLException | DrillSkipped e) {
      boolean locked = e instanceof DrillSkipped s && "locked".equals(s.code());
      Instant giveUp = run.deadline().plus(GIVE_UP_AFTER);
      if (run.now().isBefore(giveUp)) {
        LOG.warn(
            "drill {}: {} {} ({}); will retry",
            r.id(),
            locked ? "cannot lock" : "cannot reach",
            r.plan().targetInstance(),
            e.getMessage());
        return r;
      }
      r.dropped(r.scratchCreated() ? Boolean.FALSE : null)
          .outcome(
              DrillStatus.INTERRUPTED,
              "interrupted",
              "agent stopped at "
                  + r.step().name().toLowerCase(java.util.Locale.ROOT)
                  + " and "
                  + r.plan().targetInstance()
                  + (locked ? " stayed locked by another drill" : " stayed unreachable")
                  + (r.scratchCreated()
                      ? "; scratch database " + r.scratchName() + " may remain"
                      : "")
                  + ": "
                  + e.getMessage());
      return runner.finish(run);
    }
  }

  /**
   * Recovery changes the instance as a drill does (it follows, cancels, drops), so it holds the
   * same instance drill lock first: no drill, scheduled or by hand, from this agent or another,
   * runs on the instance meanwhile. Held by someone else: the drill stays unfinished and is
   * retried.
   */
  private static void lock(DrillRun run) throws SQLException, DrillSkipped {
    if (!run.lockTarget()) {
      throw new DrillSkipped(
          "locked",
          "another rdswatch drill holds the drill lock on " + run.plan().targetInstance());
    }
  }

  /**
   * A journal this stateDir did not seal (edited by hand, or copied from another agent) is closed
   * as interrupted without a single statement sent: what it names may not be ours.
   */
  private DrillRecord untrusted(DrillRun run) throws IOException {
    run.record.recovered(true);
    return untouched(
        run,
        "journal_unsealed",
        "the journal file is not sealed by this stateDir (edited by hand,"
            + " or copied from another agent's stateDir)");
  }

  private DrillRecord untouched(DrillRun run, String code, String why) throws IOException {
    DrillRecord r = run.record;
    LOG.warn(
        "drill {}: {}; closing it without touching {}", r.id(), why, r.plan().targetInstance());
    if (r.scratchCreated()) {
      r.dropped(false);
    }
    r.outcome(
        DrillStatus.INTERRUPTED,
        code,
        why
            + ", so nothing on "
            + r.plan().targetInstance()
            + " was touched"
            + (r.scratchName() == null
                ? ""
                : "; it names database '" + r.scratchName() + "', left alone"));
    return runner.finish(run);
  }

  /** The task the crashed agent may have submitted just before it died, found by scratch name. */
  private boolean adoptSubmitted(DrillRun run) throws SQLException, IOException, DrillSkipped {
    String type = run.record.tasks().isEmpty() ? "FULL" : "DIFFERENTIAL";
    Optional<TaskRow> row = findRestoreTask(run, type);
    if (row.isEmpty()) {
      return false;
    }
    // the server's clock may run ahead of ours: a submission time past our now would shorten the
    // RTO
    Instant now = run.now();
    Instant created =
        row.get().createdAt() != null && row.get().createdAt().isBefore(now)
            ? row.get().createdAt()
            : now;
    run.record
        .task(new RestoreTask(row.get().taskId(), type, "CREATED", 0, created, null, null, null))
        .scratchCreated(true)
        .step(DrillStep.RESTORING);
    run.save();
    return true;
  }

  /**
   * The newest restore task of {@code type} into this drill's scratch name not yet in its record.
   */
  static Optional<TaskRow> findRestoreTask(DrillRun run, String type)
      throws SQLException, DrillSkipped {
    List<Long> known = run.record.tasks().stream().map(RestoreTask::taskId).toList();
    return TaskStatus.all(run.target(), run.queryTimeout()).stream()
        .filter(t -> DbNames.same(t.database(), run.record.scratchName()))
        .filter(
            t ->
                type.equals("FULL")
                    ? t.taskType() == TaskType.RESTORE_DB
                        || t.taskType() == TaskType.RESTORE_DB_NORECOVERY
                    : t.taskType() == TaskType.RESTORE_DB_DIFFERENTIAL
                        || t.taskType() == TaskType.RESTORE_DB_DIFFERENTIAL_NORECOVERY)
        .filter(t -> !known.contains(t.taskId()))
        .max(Comparator.comparingLong(TaskRow::taskId));
  }
}
