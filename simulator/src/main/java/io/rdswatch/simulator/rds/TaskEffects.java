package io.rdswatch.simulator.rds;

/**
 * What tasks do to the instance: a backup captures its database when it starts and writes its S3
 * objects when it succeeds; a full restore creates its database (RESTORING) when it starts and
 * brings it ONLINE on success unless NORECOVERY was asked for.
 */
final class TaskEffects {
  private final RdsInstance rds;

  TaskEffects(RdsInstance rds) {
    this.rds = rds;
  }

  long dataMb(Task t, Preflight.Outcome outcome) {
    if (t.type.isBackup()) {
      Database db = rds.catalog.get(t.database);
      if (db == null) {
        return 1;
      }
      double share = t.type.isDifferential() ? rds.timing().differentialFraction() : 1;
      return Math.max(1, (long) (db.sizeMb() * share));
    }
    return Math.max(1, outcome.sources().stream().mapToLong(S3Object::sizeMb).sum());
  }

  void started(Task t, Preflight.Outcome outcome) {
    if (t.type.isBackup()) {
      Database db = rds.catalog.get(t.database);
      t.image =
          BackupImage.of(
              db, t.type.isDifferential() ? BackupKind.DIFFERENTIAL : BackupKind.FULL, t.dataMb);
      return;
    }
    t.sources = outcome.sources();
    if (!t.type.isDifferential()) {
      BackupImage image = t.sources.get(0).image();
      DatabaseSpec spec =
          new DatabaseSpec(
              t.database,
              image.sizeMb(),
              image.recoveryModel(),
              DbState.RESTORING,
              image.tdeCertificate(),
              image.corrupt(),
              image.tables());
      rds.catalog.create(spec, t.startedAt, false);
      t.createdDatabase = true;
    }
  }

  void succeeded(Task t) {
    if (t.type == TaskType.UPLOAD_TO_S3) {
      S3Location at = S3Location.parse(t.s3Arn);
      if (at != null && rds.s3.bucket(at.bucket()) != null) {
        rds.s3.put(new S3Object(at, null, null, t.dataMb, t.endAt));
      }
      return;
    }
    if (t.type == TaskType.DOWNLOAD_FROM_S3) {
      rds.disk.written(t.filePath, t.dataMb * 1024 * 1024, t.endAt);
    } else if (t.type == TaskType.DELETE_FILES_ON_DISK) {
      rds.disk.deleted(t.filePath);
    } else if (t.type == TaskType.LIST_FILES_ON_DISK) {
      rds.disk.listed(t.id, t.endAt);
    }
    if (t.type.isS3Integration()) {
      return;
    }
    if (t.type.isBackup()) {
      writeObjects(t);
      return;
    }
    Database db = rds.catalog.get(t.database);
    if (db == null) {
      return;
    }
    if (t.type.isRestore()) {
      db.loadFrom(t.sources.get(0).image());
    }
    if (!t.type.isNoRecovery()) {
      db.state(DbState.ONLINE);
    }
  }

  void failed(Task t) {
    if (t.createdDatabase && t.failure != null && t.failure.early()) {
      rds.catalog.drop(t.database);
    }
  }

  void cancelled(Task t) {
    if (t.createdDatabase) {
      rds.catalog.drop(t.database);
    }
  }

  private void writeObjects(Task t) {
    S3Location at = S3Location.parse(t.s3Arn);
    if (at == null || rds.s3.bucket(at.bucket()) == null || t.image == null) {
      return;
    }
    long each = Math.max(1, t.dataMb / t.files);
    for (String key : Preflight.backupKeys(at.key(), t.files)) {
      rds.s3.put(
          new S3Object(new S3Location(at.bucket(), key), t.image, t.kmsKeyArn, each, t.endAt));
    }
  }
}
