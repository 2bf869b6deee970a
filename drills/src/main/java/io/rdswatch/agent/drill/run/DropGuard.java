package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.RestoreTask;
import io.rdswatch.agent.drill.sql.DbRow;
import io.rdswatch.agent.drill.sql.TaskStatus;
import io.rdswatch.exporter.model.TaskRow;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The proofs a scratch database must pass before rds_drop_database gets its name. Each one alone
 * refuses, so no single slip (a bug, a hand-edited or copied journal, a reused task id, a database
 * that appeared under the name) can make a drill drop a database it did not create.
 */
final class DropGuard {

  private DropGuard() {}

  /**
   * A database ONLINE under the name although the drill's restore did not succeed was made by
   * someone else: a failed or cancelled restore leaves nothing, or a RESTORING database.
   */
  static boolean heldBySomeoneElse(DrillRecord r, DbRow row) {
    List<RestoreTask> tasks = r.tasks();
    boolean restored =
        !tasks.isEmpty() && "SUCCESS".equals(tasks.get(tasks.size() - 1).lifecycle());
    return !restored && "ONLINE".equalsIgnoreCase(row.state());
  }

  /** Why {@code name} must not be dropped; empty when every proof holds. */
  static Optional<String> refusal(DrillRun run, String name) throws SQLException, DrillSkipped {
    Optional<String> notScratch = run.nameRefusal(name);
    if (notScratch.isPresent()) {
      return notScratch;
    }
    DrillRecord onDisk = run.ctx.journal().readSealed(run.record.id()).orElse(null);
    if (onDisk == null) {
      return Optional.of(
          "the drill's journal on disk is not sealed by this stateDir (edited by hand, or copied"
              + " from another agent)");
    }
    if (!name.equals(onDisk.scratchName()) || !onDisk.scratchCreated()) {
      return Optional.of("the drill's journal on disk does not record it as created by this drill");
    }
    if (onDisk.tasks().isEmpty()) {
      return Optional.of("the drill's journal lists no restore task into it");
    }
    // the server's own record: every journaled task must be a restore into exactly this name
    for (RestoreTask t : onDisk.tasks()) {
      Optional<TaskRow> row = TaskStatus.byId(run.target(), t.taskId(), run.queryTimeout());
      if (row.isEmpty()
          || !row.get().taskType().isRestore()
          || !DbNames.same(row.get().database(), name)) {
        return Optional.of(
            "rds_task_status does not show task "
                + t.taskId()
                + " as a restore into it"
                + row.map(x -> " (it is " + x.taskTypeRaw() + " of '" + x.database() + "')")
                    .orElse(" (no such task)"));
      }
    }
    return Optional.empty();
  }
}
