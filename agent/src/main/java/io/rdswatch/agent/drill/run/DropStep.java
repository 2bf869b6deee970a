package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.sql.CatalogQueries;
import io.rdswatch.agent.drill.sql.RdsProcedures;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Drops the scratch database whatever the outcome (unless keepOnFailure), then confirms it is gone
 * from sys.databases. It drops only a name that carries the prefix and that this drill's journal,
 * re-read from disk, records as created by this drill.
 */
final class DropStep {

  private static final int ATTEMPTS = 5;
  private static final int CONFIRM_POLLS = 10;

  private final DrillRun run;

  DropStep(DrillRun run) {
    this.run = run;
  }

  void drop() throws SQLException, IOException, DrillSkipped, InterruptedException {
    DrillRecord r = run.record;
    String name = r.scratchName();
    if (!r.scratchCreated() || name == null) {
      return;
    }
    if (run.plan().keepOnFailure() && r.outcome() != DrillStatus.SUCCESS) {
      r.dropped(false).outcome(r.outcome(), r.reasonCode(),
          r.reason() + "; scratch database " + name + " kept (keepOnFailure)");
      return;
    }
    ensureOurs(name);
    r.step(DrillStep.DROPPING);
    run.save();
    String failure = "it is still listed in sys.databases";
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (gone(name)) {
        r.dropped(true);
        run.save();
        return;
      }
      try {
        RdsProcedures.drop(run.target(), name, run.queryTimeout());
      } catch (SQLException e) {
        if (!run.target().isValid(5)) {
          throw e;
        }
        failure = "rds_drop_database failed: " + e.getMessage();
      }
      for (int poll = 0; poll < CONFIRM_POLLS; poll++) {
        if (gone(name)) {
          r.dropped(true);
          run.save();
          return;
        }
        run.ctx.pacer().pause(run.ctx.settings().followInterval());
      }
    }
    String before = r.outcome() == DrillStatus.SUCCESS ? "verified" : r.outcome().label() + " (" + r.reason() + ")";
    r.dropped(false).outcome(DrillStatus.DROP_FAILED, "drop_failed",
        before + "; then scratch database " + name + " could not be dropped: " + failure);
  }

  private boolean gone(String name) throws SQLException, DrillSkipped {
    return CatalogQueries.database(run.target(), name, run.queryTimeout()).isEmpty();
  }

  /** The last guard before a drop; failing it is a bug, never a reason to drop anyway. */
  private void ensureOurs(String name) {
    ScratchNames names = run.ctx.scratchNames(run.plan().scratchPrefix());
    DrillRecord onDisk = run.ctx.journal().read(run.record.id()).orElse(null);
    boolean journaled = onDisk != null && name.equals(onDisk.scratchName()) && onDisk.scratchCreated();
    if (!names.hasPrefix(name) || !journaled) {
      throw new IllegalStateException("refusing to drop '" + name + "': not a journaled scratch database of drill "
          + run.record.id());
    }
  }
}
