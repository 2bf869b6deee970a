package io.rdswatch.exporter.testsupport;

import io.rdswatch.exporter.model.ActiveTask;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.DatabaseCoverage;
import io.rdswatch.exporter.model.DurationHistogram;
import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FailureReason;
import io.rdswatch.exporter.model.FinishedKey;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A hand-built fleet that exercises every exported metric: one healthy instance, one down. */
public final class SampleFleet {

  public static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

  private SampleFleet() {}

  public static TaskRow row(
      long id, String type, String db, int pct, String lifecycle, String info) {
    return new TaskRow(
        id,
        type,
        TaskType.parse(type),
        db,
        pct,
        10,
        lifecycle,
        Lifecycle.parse(lifecycle),
        info,
        NOW.minusSeconds(60),
        NOW.minusSeconds(600),
        db == null ? null : "arn:aws:s3:::bucket/" + db + ".bak",
        false,
        null);
  }

  public static FleetSnapshot fleet() {
    return new FleetSnapshot(List.of(ordersProd(), reportsDev()), NOW);
  }

  public static InstanceSnapshot ordersProd() {
    DurationHistogram backupDurations =
        DurationHistogram.empty().observe(45).observe(4000).observe(100_000);
    return new InstanceSnapshot(
        "orders-prod",
        "orders-prod.abc.eu-west-1.rds.amazonaws.com",
        Map.of("team", "payments", "env", "prod"),
        true,
        0.25,
        NOW.minusSeconds(5),
        Map.of(PollErrorKind.TIMEOUT, 2L),
        List.of(
            new ActiveTask(
                row(101, "BACKUP_DB", "orders", 40, "IN_PROGRESS", "started"), 0.4, false, 0, 900),
            new ActiveTask(row(102, "BACKUP_DB", "orders", 0, "CREATED", ""), 0, false, 120),
            new ActiveTask(row(103, "BACKUP_DB", "orders", 0, "CREATED", ""), 0, false, 30),
            new ActiveTask(
                row(104, "RESTORE_DB_NORECOVERY", "staging", 10, "IN_PROGRESS", ""), 0.1, true, 0),
            new ActiveTask(
                row(105, "RESTORE_DB_NORECOVERY", "staging", 50, "CANCEL_REQUESTED", ""),
                0.5,
                false,
                0),
            new ActiveTask(
                row(106, "DOWNLOAD_FROM_S3", null, 75, "IN_PROGRESS", ""), 0.75, false, 0)),
        Map.of(
            new FinishedKey("orders", TaskType.BACKUP_DB, Lifecycle.SUCCESS), 5L,
            new FinishedKey("orders", TaskType.BACKUP_DB, Lifecycle.ERROR), 2L,
            new FinishedKey("staging", TaskType.RESTORE_DB, Lifecycle.CANCELLED), 1L),
        Map.of(
            new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.BACKUP_WINDOW_OVERLAP), 1L,
            new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.KMS), 1L),
        Map.of(
            TaskType.BACKUP_DB,
            backupDurations,
            TaskType.RESTORE_DB,
            DurationHistogram.empty().observe(600)),
        Map.of(
            new BackupKey("orders", BackupKind.FULL), Instant.parse("2025-03-10T02:00:00Z"),
            new BackupKey("orders", BackupKind.DIFFERENTIAL),
                Instant.parse("2025-03-10T08:00:00.5Z"),
            new BackupKey("billing", BackupKind.FULL), Instant.parse("2025-03-09T02:00:00Z")),
        Map.of("staging", Instant.parse("2025-03-08T22:30:00Z")),
        Set.of("orders"),
        "03:00-03:30",
        NOW,
        // a lifecycle RDS does not document: counted, no progress or stall
        Map.of(TaskType.BACKUP_DB, 1L),
        null,
        0,
        List.of(
            new DatabaseCoverage("archive", "ONLINE", "SIMPLE", true),
            new DatabaseCoverage("billing", "ONLINE", "FULL", false),
            new DatabaseCoverage("orders", "ONLINE", "FULL", false),
            new DatabaseCoverage("staging", "RESTORING", "FULL", null)),
        Map.of(
            new BackupKey("orders", BackupKind.FULL), 86400.0,
            new BackupKey("orders", BackupKind.DIFFERENTIAL), 3600.0));
  }

  /** Down: its counters and timestamps stay, its active-task gauges go. */
  public static InstanceSnapshot reportsDev() {
    return new InstanceSnapshot(
        "reports-dev",
        "reports-dev.abc.eu-west-1.rds.amazonaws.com",
        Map.of("team", "analytics", "tier", "bronze"),
        false,
        15.0,
        null,
        Map.of(PollErrorKind.CONNECT, 3L, PollErrorKind.LOGIN, 1L),
        List.of(
            new ActiveTask(row(7, "BACKUP_DB", "reports", 20, "IN_PROGRESS", ""), 0.2, false, 0)),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(new BackupKey("reports", BackupKind.FULL), Instant.parse("2025-03-01T01:00:00Z")),
        Map.of(),
        Set.of(),
        null,
        NOW);
  }
}
