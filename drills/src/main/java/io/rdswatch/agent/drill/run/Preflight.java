package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.sql.CatalogQueries;
import io.rdswatch.agent.drill.sql.DbRow;
import io.rdswatch.agent.drill.sql.TaskStatus;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.track.BackupWindow;
import io.rdswatch.exporter.model.TaskRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

/**
 * The checks before a drill touches anything. Each failure throws {@link DrillSkipped}; on success
 * the record holds the source backup and a fresh scratch name, and the target's drill lock is held.
 *
 * <p>The lock is taken first, not last: the other checks then describe an instance no other
 * rdswatch drill is changing, so nothing can slip between a check and the restore.
 */
final class Preflight {

  private final DrillRun run;

  Preflight(DrillRun run) {
    this.run = run;
  }

  void check() throws DrillSkipped, SQLException {
    DrillPlan plan = run.plan();
    InstanceTarget target = run.targetInstance();
    InstanceTarget sourceInstance = run.instance(plan.sourceInstance());
    topology(target);
    Connection conn = run.target();
    int t = run.queryTimeout();
    if (!run.lockTarget()) {
      throw new DrillSkipped(
          "locked", "another rdswatch drill holds the drill lock on " + target.name());
    }
    ScratchNames names = run.names();
    List<TaskRow> targetTasks = TaskStatus.all(conn, t);
    alreadyRun(plan, names, targetTasks);
    long busy = targetTasks.stream().filter(r -> r.taskType().usesSlot() && r.isActive()).count();
    if (busy >= 2) {
      throw new DrillSkipped(
          "slots_busy",
          busy
              + " backup, restore or S3-integration tasks are not finished on "
              + target.name()
              + "; RDS runs at most 2 at once");
    }
    if (BackupWindow.isOpen(target.backupWindow(), run.now())) {
      throw new DrillSkipped(
          "backup_window",
          target.name() + " is inside its backup window " + target.backupWindow() + " UTC");
    }
    List<DbRow> dbs = CatalogQueries.databases(conn, t);
    long user = dbs.stream().filter(DbRow::isUser).count();
    int max = run.ctx.settings().maxDatabasesPerInstance();
    if (user + 1 > max) {
      throw new DrillSkipped(
          "too_many_databases",
          target.name()
              + " has "
              + user
              + " user databases; a scratch database would exceed maxDatabasesPerInstance "
              + max);
    }
    boolean sameInstance = sourceInstance.name().equals(target.name());
    try (Connection own = sameInstance ? null : run.ctx.connections().open(sourceInstance)) {
      Connection src = sameInstance ? conn : own;
      List<TaskRow> sourceTasks = sameInstance ? targetTasks : TaskStatus.all(src, t);
      run.record.source(SourceBackups.find(plan, sourceTasks));
      multiAzRecovery(src, target, t);
      space(src, conn, target, t);
    }
    String name = names.generate(plan.database(), run.now());
    if (!ScratchNames.isValid(name)) {
      throw new DrillSkipped(
          "name_invalid", "scratch name '" + name + "' is not a valid name under 128 characters");
    }
    // both: our own comparison, and the server's under its collation
    if (dbs.stream().anyMatch(d -> DbNames.same(d.name(), name))
        || !CatalogQueries.database(conn, name, t).isEmpty()) {
      throw new DrillSkipped(
          "name_taken",
          "a database named like scratch name '"
              + name
              + "' (ignoring case and accents) already exists on "
              + target.name());
    }
    run.record.scratchName(name);
  }

  /**
   * RDS restores natively neither onto a read replica (logins are not synchronised to it, and its
   * data is its source's) nor onto an instance with cross-region read replicas. Checked before
   * connecting: a replica may not even accept the login.
   */
  private static void topology(InstanceTarget target) throws DrillSkipped {
    if (target.topology().isReadReplica()) {
      throw new DrillSkipped(
          "target_read_replica",
          target.name()
              + " is a read replica of "
              + target.topology().readReplicaSource()
              + "; drill onto its source or another instance");
    }
    if (target.topology().crossRegionReplicas()) {
      throw new DrillSkipped(
          "target_cross_region_replicas",
          target.name()
              + " has cross-region read replicas, and RDS does not restore native backups onto such an instance");
    }
  }

  /** RDS restores onto a Multi-AZ instance only backups taken in the FULL recovery model. */
  private void multiAzRecovery(Connection source, InstanceTarget target, int t)
      throws SQLException, DrillSkipped {
    if (!target.topology().multiAz()) {
      return;
    }
    String db = run.plan().database();
    String model = CatalogQueries.recoveryModel(source, db, t).orElse("unknown");
    if (!"FULL".equalsIgnoreCase(model)) {
      throw new DrillSkipped(
          "multi_az_needs_full_recovery",
          target.name()
              + " is Multi-AZ, which restores only"
              + " backups taken in the FULL recovery model, and '"
              + db
              + "' on "
              + run.plan().sourceInstance()
              + " is in "
              + model
              + " recovery");
    }
  }

  /**
   * Two agents with one schedule: the second sees the first one's restore task for this firing.
   * "For this firing" is read from the scratch name's stamp, the starting agent's clock, never from
   * the task's created_at: the server's clock may be minutes off the agents', and an agent only
   * fires once its own clock has reached the firing, so its stamp is never earlier than it.
   */
  private static void alreadyRun(DrillPlan plan, ScratchNames names, List<TaskRow> tasks)
      throws DrillSkipped {
    if (plan.scheduledFor() == null) {
      return;
    }
    for (TaskRow r : tasks) {
      if (r.taskType().isRestore()
          && r.database() != null
          && names
              .startedAt(plan.database(), r.database())
              .filter(at -> !at.isBefore(plan.scheduledFor()))
              .isPresent()) {
        throw new DrillSkipped(
            "already_run",
            "restore task "
                + r.taskId()
                + " into "
                + r.database()
                + " already drills this database for the "
                + plan.scheduledFor()
                + " firing");
      }
    }
  }

  private void space(Connection source, Connection target, InstanceTarget targetInstance, int t)
      throws SQLException, DrillSkipped {
    String db = run.plan().database();
    OptionalLong size = CatalogQueries.allocatedBytes(source, db, t);
    if (size.isEmpty()) {
      throw new DrillSkipped(
          "source_size_unknown",
          "no files of '"
              + db
              + "' in sys.master_files on "
              + run.plan().sourceInstance()
              + ", so the restore cannot be sized");
    }
    OptionalLong free = CatalogQueries.freeBytes(target, t);
    double need = size.getAsLong() * run.ctx.settings().spaceSafetyFactor();
    if (free.isEmpty() || free.getAsLong() < need) {
      throw new DrillSkipped(
          "insufficient_space",
          String.format(
              java.util.Locale.ROOT,
              "%s needs %.0f bytes (%d allocated x %.2f) but %s has %s bytes free",
              db,
              need,
              size.getAsLong(),
              run.ctx.settings().spaceSafetyFactor(),
              targetInstance.name(),
              free.isEmpty() ? "unknown" : Long.toString(free.getAsLong())));
    }
  }
}
