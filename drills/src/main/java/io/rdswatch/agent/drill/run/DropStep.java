package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.sql.CatalogQueries;
import io.rdswatch.agent.drill.sql.DbRow;
import io.rdswatch.agent.drill.sql.RdsProcedures;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Drops the scratch database whatever the outcome (unless keepOnFailure), then confirms it is gone
 * from sys.databases. Before the drop every proof of {@link DropGuard} must hold; a refusal is
 * recorded as drop_failed and nothing is dropped.
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
      r.dropped(false)
          .outcome(
              r.outcome(),
              r.reasonCode(),
              r.reason() + "; scratch database " + name + " kept (keepOnFailure)");
      return;
    }
    r.step(DrillStep.DROPPING);
    run.save();
    String failure = "it is still listed in sys.databases";
    boolean vetted = false;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<DbRow> row =
          CatalogQueries.database(run.target(), name, run.queryTimeout()).stream().findFirst();
      if (row.isEmpty()) {
        r.dropped(true);
        run.save();
        return;
      }
      if (!vetted) {
        if (DropGuard.heldBySomeoneElse(r, row.get())) {
          r.scratchCreated(false)
              .outcome(
                  r.outcome(),
                  r.reasonCode(),
                  r.reason()
                      + "; database "
                      + row.get().name()
                      + " is ONLINE although this drill's restore did not succeed, so someone else made it: not dropped");
          return;
        }
        Optional<String> refusal = DropGuard.refusal(run, name);
        if (refusal.isPresent()) {
          r.dropped(false)
              .outcome(
                  DrillStatus.DROP_FAILED,
                  "drop_refused",
                  before(r)
                      + "; scratch database "
                      + name
                      + " was not dropped because "
                      + refusal.get());
          return;
        }
        vetted = true;
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
    r.dropped(false)
        .outcome(
            DrillStatus.DROP_FAILED,
            "drop_failed",
            before(r) + "; then scratch database " + name + " could not be dropped: " + failure);
  }

  private static String before(DrillRecord r) {
    return r.outcome() == DrillStatus.SUCCESS
        ? "verified"
        : r.outcome().label() + " (" + r.reason() + ")";
  }

  private boolean gone(String name) throws SQLException, DrillSkipped {
    return CatalogQueries.database(run.target(), name, run.queryTimeout()).isEmpty();
  }
}
