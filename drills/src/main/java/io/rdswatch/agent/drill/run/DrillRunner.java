package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillLease;
import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a drill on the calling thread: preflight, journal, restore, verify, drop, report (README, "A
 * drill, step by step"). If the target stops answering mid-drill the journal is left unfinished and
 * the lease released, exactly as after a crash; {@link Recovery} then takes it over.
 */
public final class DrillRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DrillRunner.class);

  private final DrillContext ctx;

  public DrillRunner(DrillContext ctx) {
    this.ctx = ctx;
  }

  public DrillContext context() {
    return ctx;
  }

  /**
   * Starts a drill and runs it to its end. Returns the record: finished, or unfinished when the
   * drill was handed to recovery (lost connection) or the thread was interrupted.
   */
  public DrillRecord run(DrillPlan plan, DrillObserver observer)
      throws IOException, InterruptedException {
    return run(DrillJournal.newId(ctx.clock().instant()), plan, observer);
  }

  /** As {@link #run(DrillPlan, DrillObserver)} with an id handed out earlier (the API's 202). */
  public DrillRecord run(String id, DrillPlan plan, DrillObserver observer)
      throws IOException, InterruptedException {
    Instant now = ctx.clock().instant();
    DrillRecord record = new DrillRecord(id, ctx.owner(), plan, now);
    DrillLease lease = ctx.journal().begin(record);
    try (DrillRun run = new DrillRun(ctx, lease, record, observer)) {
      observer.saved(record);
      try {
        new Preflight(run).check();
      } catch (DrillSkipped s) {
        record.outcome(DrillStatus.SKIPPED, s.code(), s.getMessage());
        return finish(run);
      } catch (SQLException e) {
        record.outcome(
            DrillStatus.SKIPPED,
            "unreachable",
            "preflight failed on " + plan.targetInstance() + ": " + e.getMessage());
        return finish(run);
      }
      return completeOrDefer(run);
    }
  }

  /** Runs the rest of a drill from its journaled step; a lost connection defers it to recovery. */
  DrillRecord completeOrDefer(DrillRun run) throws IOException, InterruptedException {
    try {
      return complete(run);
    } catch (SQLException | DrillSkipped e) {
      LOG.warn(
          "drill {} on {} paused at {}: {}; recovery will take it over",
          run.record.id(),
          run.plan().targetInstance(),
          run.record.step(),
          e.getMessage());
      return run.record;
    }
  }

  /**
   * Restore (unless an outcome is already decided), verify, then always the drop, then the report.
   */
  DrillRecord complete(DrillRun run)
      throws SQLException, IOException, DrillSkipped, InterruptedException {
    DrillStep step = run.record.step();
    boolean restoring =
        step == DrillStep.PREFLIGHT || step == DrillStep.SUBMITTING || step == DrillStep.RESTORING;
    if (restoring
        && run.record.outcome() == DrillStatus.RUNNING
        && new RestoreStep(run).restore()) {
      new VerifyStep(run).verify();
    }
    new DropStep(run).drop();
    return finish(run);
  }

  DrillRecord finish(DrillRun run) throws IOException {
    DrillRecord r = run.record;
    if (r.outcome() == DrillStatus.RUNNING) {
      // every path sets an outcome; never report success by default
      r.outcome(DrillStatus.INTERRUPTED, "unknown", "the drill ended without an outcome");
    }
    r.finish(run.now());
    run.save();
    LOG.info(
        "drill {} of {} on {}: {}{}",
        r.id(),
        r.plan().database(),
        r.plan().targetInstance(),
        r.status().label(),
        r.reason() == null ? "" : " (" + r.reason() + ")");
    return r;
  }
}
