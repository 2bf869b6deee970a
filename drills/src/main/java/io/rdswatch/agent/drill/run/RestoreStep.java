package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.journal.RestoreTask;
import io.rdswatch.agent.drill.journal.SourceBackup;
import io.rdswatch.agent.drill.sql.CatalogQueries;
import io.rdswatch.agent.drill.sql.RdsProcedures;
import io.rdswatch.agent.drill.sql.TaskStatus;
import io.rdswatch.exporter.model.Classification;
import io.rdswatch.exporter.model.FailureClassifier;
import io.rdswatch.exporter.model.FailureContext;
import io.rdswatch.exporter.model.FailureReason;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskInfoLog;
import io.rdswatch.exporter.model.TaskRow;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Submits rds_restore_database (a FULL, then the DIFFERENTIAL when there is one) and follows each
 * task through CREATED, IN_PROGRESS and SUCCESS or ERROR. Past the drill's timeout it cancels the
 * task. Resumable: tasks already in the record are followed, not submitted again.
 */
final class RestoreStep {

  /**
   * How long a cancelled task may take to reach CANCELLED before the drill moves on to the drop.
   */
  private static final int CANCEL_POLLS = 20;

  private final DrillRun run;

  RestoreStep(DrillRun run) {
    this.run = run;
  }

  /** True when every restore succeeded; otherwise the record holds the failure or timeout. */
  boolean restore() throws SQLException, IOException, DrillSkipped, InterruptedException {
    SourceBackup src = run.record.source();
    boolean differential = src.differentialArn() != null;
    if (run.record.tasks().isEmpty()
        && !submit("FULL", src.s3Arn(), src.kmsKeyArn(), differential)) {
      return false;
    }
    if (!follow(last())) {
      return false;
    }
    if (differential && run.record.tasks().size() == 1) {
      return submit("DIFFERENTIAL", src.differentialArn(), src.differentialKmsKeyArn(), false)
          && follow(last());
    }
    return true;
  }

  private RestoreTask last() {
    List<RestoreTask> tasks = run.record.tasks();
    return tasks.get(tasks.size() - 1);
  }

  private boolean submit(String type, String arn, String kms, boolean norecovery)
      throws SQLException, IOException, DrillSkipped {
    Optional<String> refusal = refusal(type);
    if (refusal.isPresent()) {
      run.record.outcome(
          DrillStatus.RESTORE_FAILED,
          "restore_refused",
          "rds_restore_database ("
              + type
              + ") into "
              + run.record.scratchName()
              + " was not submitted: "
              + refusal.get());
      return false;
    }
    run.record.step(DrillStep.SUBMITTING);
    run.save();
    Instant at = run.now();
    OptionalLong id;
    try {
      id =
          RdsProcedures.restore(
              run.target(),
              run.record.scratchName(),
              arn,
              kms,
              type,
              norecovery,
              run.queryTimeout());
    } catch (SQLException e) {
      if (!run.target().isValid(5)) {
        throw e;
      }
      // refused at submit: nothing was created
      FailureReason reason = FailureClassifier.classify(e.getMessage());
      run.record.outcome(
          DrillStatus.RESTORE_FAILED,
          reason.label(),
          "rds_restore_database (" + type + ") refused: " + e.getMessage());
      return false;
    }
    Optional<TaskRow> row = id.isPresent() ? Optional.empty() : Recovery.findRestoreTask(run, type);
    if (id.isEmpty() && row.isEmpty()) {
      run.record.outcome(
          DrillStatus.RESTORE_FAILED,
          FailureReason.UNKNOWN.label(),
          "rds_restore_database ("
              + type
              + ") returned no task and none appeared in rds_task_status");
      return false;
    }
    long taskId = id.isPresent() ? id.getAsLong() : row.get().taskId();
    run.record
        .task(new RestoreTask(taskId, type, Lifecycle.CREATED.name(), 0, at, null, null, null))
        .scratchCreated(true)
        .step(DrillStep.RESTORING);
    run.save();
    return true;
  }

  /**
   * The last word before a restore is submitted: only into a fresh name under the configured prefix
   * that no database holds; a FULL only from a drill that just passed preflight (recovery never
   * submits one), a DIFFERENTIAL only on top of this drill's own successful FULL.
   */
  private Optional<String> refusal(String type) throws SQLException, DrillSkipped {
    String name = run.record.scratchName();
    Optional<String> notScratch = run.nameRefusal(name);
    if (notScratch.isPresent()) {
      return notScratch;
    }
    List<RestoreTask> tasks = run.record.tasks();
    if (type.equals("FULL")) {
      if (run.record.recovered() || !tasks.isEmpty()) {
        return Optional.of("a recovered drill never starts a new restore");
      }
      if (!CatalogQueries.database(run.target(), name, run.queryTimeout()).isEmpty()) {
        return Optional.of("a database of that name exists");
      }
    } else if (tasks.size() != 1 || !"SUCCESS".equals(tasks.get(0).lifecycle())) {
      return Optional.of("the drill has no successful FULL restore to build on");
    }
    return Optional.empty();
  }

  /** Follows one task to its end; true on SUCCESS. */
  private boolean follow(RestoreTask task)
      throws SQLException, IOException, DrillSkipped, InterruptedException {
    boolean cancelled = false;
    int pollsAfterCancel = 0;
    run.record.step(DrillStep.RESTORING);
    while (true) {
      Optional<TaskRow> row = TaskStatus.byId(run.target(), task.taskId(), run.queryTimeout());
      if (row.isEmpty()) {
        run.record.outcome(
            DrillStatus.RESTORE_FAILED,
            FailureReason.UNKNOWN.label(),
            "restore task " + task.taskId() + " disappeared from rds_task_status");
        return false;
      }
      if (!row.get().taskType().isRestore()
          || !DbNames.same(row.get().database(), run.record.scratchName())) {
        // a reused task id, or a journal that is not what it seems: never cancel or follow someone
        // else's task
        run.record.outcome(
            DrillStatus.RESTORE_FAILED,
            "task_mismatch",
            "task "
                + task.taskId()
                + " in rds_task_status is "
                + row.get().taskTypeRaw()
                + " of '"
                + row.get().database()
                + "', not a restore into "
                + run.record.scratchName()
                + "; it was left alone");
        return false;
      }
      RestoreTask seen = observe(task, row.get());
      if (!seen.equals(task)) {
        task = seen;
        run.record.task(task);
        run.save();
      }
      Lifecycle lc = row.get().lifecycle();
      if (lc.isTerminal()) {
        return finished(task, row.get(), cancelled);
      }
      if (!cancelled && run.pastDeadline()) {
        RdsProcedures.cancel(run.target(), task.taskId(), run.queryTimeout());
        cancelled = true;
        run.record.outcome(
            DrillStatus.TIMEOUT,
            "timeout",
            "drill timeout of "
                + Duration.ofSeconds(run.plan().timeoutSeconds())
                + " passed while restore task "
                + task.taskId()
                + " was "
                + lc
                + " at "
                + task.percentComplete()
                + "%; rds_cancel_task called");
        run.save();
      } else if (cancelled && ++pollsAfterCancel > CANCEL_POLLS) {
        return false;
      }
      run.ctx.pacer().pause(run.ctx.settings().followInterval());
    }
  }

  private boolean finished(RestoreTask task, TaskRow row, boolean cancelledByUs) {
    switch (row.lifecycle()) {
      case SUCCESS:
        return !cancelledByUs;
      case ERROR:
        if (!cancelledByUs) {
          // the backup window only decides aborted backups, never a restore
          Classification failure = FailureClassifier.classify(row, FailureContext.NONE);
          FailureReason reason = failure.reason();
          if (reason == FailureReason.DB_EXISTS) {
            // someone else's database holds the name: it is not ours to drop
            run.record.scratchCreated(false);
          }
          run.record.outcome(
              DrillStatus.RESTORE_FAILED,
              reason.label(),
              "restore task "
                  + task.taskId()
                  + " ("
                  + task.type()
                  + ") ended in ERROR: "
                  + telling(row.taskInfo(), failure));
        }
        return false;
      default:
        if (!cancelledByUs) {
          run.record.outcome(
              DrillStatus.RESTORE_FAILED,
              FailureReason.UNKNOWN.label(),
              "restore task " + task.taskId() + " was cancelled outside rdswatch");
        }
        return false;
    }
  }

  /** The task as seen now; start and finish are the agent's observation times. */
  private RestoreTask observe(RestoreTask t, TaskRow row) {
    Instant now = run.now();
    Lifecycle lc = row.lifecycle();
    Instant finished = t.finishedAt() == null && lc.isTerminal() ? now : t.finishedAt();
    Instant started = t.startedAt();
    if (started == null && lc == Lifecycle.IN_PROGRESS) {
      started = now;
    } else if (started == null && lc.isTerminal()) {
      // never seen IN_PROGRESS (it was quick): estimate from RDS's own minute count
      Instant estimate = finished.minus(Duration.ofMinutes(row.durationMinutes()));
      started = estimate.isBefore(t.submittedAt()) ? t.submittedAt() : estimate;
    }
    String lifecycle = lc == Lifecycle.UNKNOWN ? row.lifecycleRaw() : lc.name();
    return new RestoreTask(
        t.taskId(),
        t.type(),
        lifecycle,
        row.percentComplete(),
        t.submittedAt(),
        started,
        finished,
        row.taskInfo());
  }

  /** The task_info entry that decided the reason, else the last entry. */
  static String telling(String taskInfo, Classification failure) {
    if (failure.evidence() != null) {
      return failure.evidence();
    }
    List<TaskInfoLog.Entry> entries = TaskInfoLog.entries(taskInfo);
    return entries.isEmpty() ? "(no task_info)" : entries.get(entries.size() - 1).text();
  }
}
