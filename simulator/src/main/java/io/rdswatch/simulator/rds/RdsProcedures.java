package io.rdswatch.simulator.rds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The msdb.dbo.rds_* procedures' model side: validates a call (throwing {@link SqlFailure} for
 * submit-time errors, see {@link SubmitErrors}) and queues its task. Permission checks happen in
 * the SQL layer, before these run.
 */
public final class RdsProcedures {
  private static final int MAX_FILES = 10;
  private final RdsInstance rds;

  RdsProcedures(RdsInstance rds) {
    this.rds = rds;
  }

  public TaskRow backup(BackupRequest r) {
    synchronized (rds) {
      rds.advance();
      Task t = queueBackup(r, null, 0);
      return TaskRow.of(t, rds.cursor, rds.settings().zone());
    }
  }

  public TaskRow restore(RestoreRequest r) {
    String proc = "rds_restore_database";
    synchronized (rds) {
      rds.advance();
      requireOption(proc);
      if (r.s3Arn() == null || r.s3Arn().isBlank()) {
        throw SubmitErrors.emptyArn(proc);
      }
      Database db = rds.catalog.get(r.database());
      if (r.kind() == BackupKind.FULL) {
        if (db != null && !rds.wording().existingNameFailsInTask()) {
          throw SubmitErrors.databaseExists(proc, r.database());
        }
        if (pendingRestore(r.database(), false)) {
          throw SubmitErrors.pendingTask(proc, r.database());
        }
      } else {
        boolean restoring = db != null && db.state() == DbState.RESTORING;
        if (!restoring && !pendingRestore(r.database(), true)) {
          throw SubmitErrors.notRestoring(proc, r.database());
        }
      }
      String name = db != null ? db.name() : r.database();
      TaskType type = TaskType.restore(r.kind(), r.noRecovery());
      Task t =
          newTask(type, name, r.s3Arn().strip(), false, blankToNull(r.kmsKeyArn()), 1, null, 0);
      return TaskRow.of(t, rds.cursor, rds.settings().zone());
    }
  }

  public TaskRow cancel(int taskId) {
    String proc = "rds_cancel_task";
    synchronized (rds) {
      rds.advance();
      Task t = rds.tasks.byId(taskId);
      if (t == null) {
        throw SubmitErrors.cannotCancel(proc, taskId, "no such task");
      }
      if (t.lifecycle.isTerminal()) {
        throw SubmitErrors.cannotCancel(proc, taskId, "it is already " + t.lifecycle);
      }
      if (t.type == TaskType.FINISH_RESTORE) {
        throw SubmitErrors.cannotCancel(proc, taskId, "a FINISH_RESTORE task cannot be cancelled");
      }
      if (t.cancelRequestedAt == null) {
        t.cancelRequestedAt = rds.cursor;
        t.lifecycle = Lifecycle.CANCEL_REQUESTED;
      }
      return TaskRow.of(t, rds.cursor, rds.settings().zone());
    }
  }

  /** Drops at once; RDS shows no task row for a drop (not documented either way). */
  public void drop(String database) {
    String proc = "rds_drop_database";
    synchronized (rds) {
      rds.advance();
      Database db = idleDatabase(proc, database);
      if (db.isSystem()) {
        throw SubmitErrors.systemDatabase(proc, db.name());
      }
      rds.catalog.drop(db.name());
    }
  }

  public TaskRow finishRestore(String database) {
    String proc = "rds_finish_restore";
    synchronized (rds) {
      rds.advance();
      requireOption(proc);
      Database db = idleDatabase(proc, database);
      if (db.state() != DbState.RESTORING) {
        throw SubmitErrors.notRestoring(proc, db.name());
      }
      Task t = newTask(TaskType.FINISH_RESTORE, db.name(), null, false, null, 1, null, 0);
      return TaskRow.of(t, rds.cursor, rds.settings().zone());
    }
  }

  /**
   * One run of a schedule entry: a backup of each covered ONLINE database, maybe failing on
   * purpose.
   */
  void runScheduled(ScheduleEntry entry, Instant at) {
    if (entry.s3Job() != null) {
      rds.transfers().scheduled(entry.s3Job());
      return;
    }
    for (Database db : rds.catalog.all()) {
      if (db.isSystem() || db.state() != DbState.ONLINE || !entry.covers(db)) {
        continue;
      }
      BackupRequest r =
          new BackupRequest(
              db.name(),
              entry.arn(rds.name(), db.name(), at),
              entry.kmsKeyArn(),
              entry.overwrite(),
              entry.kind(),
              entry.files());
      TaskFailure injected = drawFailure();
      try {
        queueBackup(r, injected, 0.15 + rds.random.nextDouble() * 0.7);
      } catch (SqlFailure e) {
        // A scheduled job whose exec fails (e.g. the option was removed) leaves no task row.
      }
    }
  }

  int corrupt(String arnOrPrefix) {
    synchronized (rds) {
      S3Location at = S3Location.parse(arnOrPrefix);
      S3Bucket bucket = at == null ? null : rds.s3.bucket(at.bucket());
      if (bucket == null) {
        throw new IllegalArgumentException("no bucket for " + arnOrPrefix);
      }
      List<S3Object> objects =
          at.key().endsWith("*")
              ? bucket.list(at.key().substring(0, at.key().length() - 1))
              : listOne(bucket, at);
      for (S3Object o : objects) {
        if (o.image() != null) {
          bucket.put(
              new S3Object(
                  o.location(),
                  o.image().withCorrupt(true),
                  o.kmsKeyArn(),
                  o.sizeMb(),
                  o.createdAt()));
        }
      }
      return objects.size();
    }
  }

  private static List<S3Object> listOne(S3Bucket bucket, S3Location at) {
    S3Object o = bucket.get(at.key());
    return o == null ? List.of() : List.of(o);
  }

  private Task queueBackup(BackupRequest r, TaskFailure injected, double injectedAt) {
    String proc = "rds_backup_database";
    requireOption(proc);
    if (r.s3Arn() == null || r.s3Arn().isBlank()) {
      throw SubmitErrors.emptyArn(proc);
    }
    if (r.files() > MAX_FILES) {
      throw SubmitErrors.tooManyFiles(proc, r.files());
    }
    if (r.files() < 1) {
      throw SubmitErrors.badNumberOfFiles(proc, r.files());
    }
    String fileName = r.s3Arn().substring(r.s3Arn().lastIndexOf('/') + 1);
    if (r.files() > 1 && fileName.chars().filter(c -> c == '*').count() != 1) {
      throw SubmitErrors.needsOneStar(proc);
    }
    Database db = rds.catalog.get(r.database());
    if (db == null) {
      throw SubmitErrors.noSuchDatabase(proc, r.database());
    }
    if (db.state() != DbState.ONLINE) {
      throw SubmitErrors.notOnline(proc, db.name());
    }
    TaskType type = TaskType.backup(r.kind());
    return newTask(
        type,
        db.name(),
        r.s3Arn().strip(),
        r.overwrite(),
        blankToNull(r.kmsKeyArn()),
        r.files(),
        injected,
        injectedAt);
  }

  /** Queues a task at the instance's current moment (call under the instance lock). */
  Task newTask(
      TaskType type,
      String db,
      String arn,
      boolean overwrite,
      String kms,
      int files,
      TaskFailure injected,
      double injectedAt) {
    Timing timing = rds.timing();
    long spread = timing.pickupMax().toMillis() - timing.pickupMin().toMillis();
    long pickup =
        timing.pickupMin().toMillis() + (spread > 0 ? rds.random.nextLong(spread + 1) : 0);
    Instant now = rds.cursor;
    Task t =
        new Task(
            rds.tasks.nextId(),
            type,
            db,
            now,
            arn,
            overwrite,
            kms,
            files,
            now.plus(Duration.ofMillis(pickup)),
            injected,
            injectedAt);
    rds.tasks.add(t);
    return t;
  }

  private TaskFailure drawFailure() {
    for (var e : rds.failureRates.entrySet()) {
      if (e.getValue() > 0 && rds.random.nextDouble() < e.getValue()) {
        return e.getKey();
      }
    }
    return null;
  }

  private void requireOption(String proc) {
    if (!rds.optionEnabled()) {
      throw SubmitErrors.optionNotEnabled(proc);
    }
  }

  /** An existing database with no restore or finish-restore task pending. */
  private Database idleDatabase(String proc, String name) {
    Database db = rds.catalog.get(name);
    if (db == null) {
      throw SubmitErrors.noSuchDatabase(proc, name);
    }
    if (pendingRestore(db.name(), false) || pending(db.name(), TaskType.FINISH_RESTORE)) {
      throw SubmitErrors.pendingTask(proc, db.name());
    }
    return db;
  }

  private boolean pendingRestore(String db, boolean noRecoveryOnly) {
    return rds.tasks.active().stream()
        .anyMatch(
            t ->
                t.type.isRestore()
                    && Names.same(t.database, db)
                    && (!noRecoveryOnly || t.type.isNoRecovery()));
  }

  private boolean pending(String db, TaskType type) {
    return rds.tasks.active().stream().anyMatch(t -> t.type == type && Names.same(t.database, db));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
