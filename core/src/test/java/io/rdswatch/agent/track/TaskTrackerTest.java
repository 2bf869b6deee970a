package io.rdswatch.agent.track;

import static io.rdswatch.agent.track.Rows.T0;
import static io.rdswatch.agent.track.Rows.backup;
import static io.rdswatch.agent.track.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.agent.track.MemoryStateStore.Fault;
import io.rdswatch.agent.track.MemoryStateStore.SimulatedCrash;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FailureReason;
import io.rdswatch.exporter.model.FinishedKey;
import io.rdswatch.exporter.model.InstanceSnapshot;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Counting, restarts and crashes. Overlap, stall and durations are in TaskTrackerLiveTest. */
class TaskTrackerTest {

  private static final Duration STALL = Duration.ofMinutes(30);
  private static final Duration POLL = Duration.ofMillis(250);

  private final SteppedClock clock = new SteppedClock(T0);
  private final MemoryStateStore store = new MemoryStateStore();

  private TaskTracker tracker() {
    return new TaskTracker(Rows.target("orders-prod", null), STALL, store, clock);
  }

  private static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static FinishedKey ordersBackup(Lifecycle lifecycle) {
    return new FinishedKey("orders", TaskType.BACKUP_DB, lifecycle);
  }

  @Test
  void firstStartTakesHistoryAsBaselineButSeedsLastSuccessTimes() {
    TaskTracker tracker = tracker();
    tracker.pollSucceeded(
        List.of(
            backup(1, "orders", "SUCCESS", 100, at(-3 * 1440), at(-3 * 1440 + 60)),
            row(
                2,
                "BACKUP_DB",
                "orders",
                "ERROR",
                10,
                at(-2880),
                at(-2870),
                "KMS key ... does not exist"),
            row(3, "RESTORE_DB", "staging", "SUCCESS", 100, at(-600), at(-500), ""),
            backup(4, "orders", "IN_PROGRESS", 40, at(-30), at(-5))),
        POLL);
    InstanceSnapshot s = tracker.snapshot();
    assertThat(s.finished()).isEmpty();
    assertThat(s.failures()).isEmpty();
    assertThat(s.backupLastSuccess())
        .containsExactly(Map.entry(new BackupKey("orders", BackupKind.FULL), at(-3 * 1440 + 60)));
    assertThat(s.restoreLastSuccess()).containsExactly(Map.entry("staging", at(-500)));
    assertThat(s.activeTasks()).extracting(t -> t.row().taskId()).containsExactly(4L);
    assertThat(s.up()).isTrue();
    assertThat(s.lastPollSuccess()).isEqualTo(T0);

    clock.advance(Duration.ofMinutes(10));
    tracker.pollSucceeded(List.of(backup(4, "orders", "SUCCESS", 100, at(-30), at(8))), POLL);
    tracker.pollSucceeded(List.of(backup(4, "orders", "SUCCESS", 100, at(-30), at(8))), POLL);
    assertThat(tracker.snapshot().finished())
        .containsExactly(Map.entry(ordersBackup(Lifecycle.SUCCESS), 1L));
    assertThat(tracker.snapshot().backupLastSuccess())
        .containsEntry(new BackupKey("orders", BackupKind.FULL), at(8));
    assertThat(tracker.snapshot().durations().get(TaskType.BACKUP_DB).count()).isEqualTo(1);
  }

  @Test
  void aServerClockAheadOfTheAgentsNeverExportsALastSuccessInTheFuture() {
    TaskTracker tracker = tracker();
    tracker.pollSucceeded(List.of(), POLL);
    // the server's clock runs 2 minutes ahead: its backup "finished" after the agent's now
    tracker.pollSucceeded(List.of(backup(4, "orders", "SUCCESS", 100, at(-10), at(2))), POLL);
    assertThat(tracker.snapshot().backupLastSuccess())
        .containsEntry(new BackupKey("orders", BackupKind.FULL), T0);
    clock.advance(Duration.ofMinutes(5));
    tracker.pollSucceeded(
        List.of(
            backup(4, "orders", "SUCCESS", 100, at(-10), at(2)),
            backup(5, "orders", "SUCCESS", 100, at(1), at(3))),
        POLL);
    assertThat(tracker.snapshot().backupLastSuccess())
        .containsEntry(new BackupKey("orders", BackupKind.FULL), at(3));
  }

  @Test
  void rowsInAnyOrderCountTheSame() {
    List<TaskRow> rows =
        List.of(
            backup(7, "orders", "SUCCESS", 100, at(-10), at(-1)),
            row(3, "BACKUP_DB", "orders", "ERROR", 10, at(-40), at(-30), "Access Denied"),
            backup(5, "orders", "SUCCESS", 100, at(-20), at(-15)),
            backup(9, "orders", "IN_PROGRESS", 40, at(-5), at(-1)));
    TaskTracker sorted = tracker();
    sorted.pollSucceeded(List.of(), POLL); // baseline: everything below counts
    sorted.pollSucceeded(
        rows.stream().sorted(java.util.Comparator.comparingLong(TaskRow::taskId)).toList(), POLL);
    MemoryStateStore otherStore = new MemoryStateStore();
    TaskTracker shuffled =
        new TaskTracker(Rows.target("orders-prod", null), STALL, otherStore, clock);
    shuffled.pollSucceeded(List.of(), POLL);
    shuffled.pollSucceeded(rows, POLL);
    assertThat(shuffled.snapshot().finished()).isEqualTo(sorted.snapshot().finished()).hasSize(2);
    assertThat(shuffled.snapshot().backupLastSuccess())
        .isEqualTo(sorted.snapshot().backupLastSuccess())
        .containsEntry(new BackupKey("orders", BackupKind.FULL), at(-1));
    assertThat(shuffled.snapshot().activeTasks())
        .extracting(t -> t.row().taskId())
        .containsExactly(9L);
    assertThat(shuffled.latestRows()).isEqualTo(rows);
  }

  @Test
  void aPollThatChangesNothingButThePollTimeIsNotWrittenUntilShutdown() {
    TaskTracker tracker = tracker();
    List<TaskRow> rows = List.of(backup(1, "orders", "SUCCESS", 100, at(-10), at(-5)));
    tracker.pollSucceeded(rows, POLL);
    assertThat(store.saves).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    tracker.pollSucceeded(rows, POLL);
    assertThat(store.saves).as("nothing durable changed").isEqualTo(1);
    assertThat(tracker.snapshot().lastPollSuccess()).isEqualTo(at(1));
    tracker.flush();
    assertThat(store.saves).isEqualTo(2);
    assertThat(tracker().snapshot().lastPollSuccess())
        .as("restored after shutdown")
        .isEqualTo(at(1));
  }

  @Test
  void restartKeepsCountersAndTimestampsAndDoesNotCountAgain() {
    TaskTracker first = tracker();
    first.pollSucceeded(List.of(backup(1, "orders", "IN_PROGRESS", 10, at(-10), at(-5))), POLL);
    clock.advance(Duration.ofMinutes(30));
    List<TaskRow> done =
        List.of(
            backup(1, "orders", "SUCCESS", 100, at(-10), at(20)),
            row(
                2,
                "BACKUP_DB_DIFFERENTIAL",
                "orders",
                "ERROR",
                0,
                at(21),
                at(22),
                "Access Denied"));
    first.pollSucceeded(done, POLL);
    first.pollFailed(PollErrorKind.TIMEOUT, Duration.ofSeconds(15));

    clock.advance(Duration.ofMinutes(5));
    TaskTracker second = tracker();
    InstanceSnapshot restored = second.snapshot();
    assertThat(restored.up()).isFalse();
    assertThat(restored.lastPollSuccess()).isEqualTo(at(30));
    assertThat(restored.pollErrors()).containsExactly(Map.entry(PollErrorKind.TIMEOUT, 1L));
    assertThat(restored.finished())
        .containsOnly(
            Map.entry(ordersBackup(Lifecycle.SUCCESS), 1L),
            Map.entry(
                new FinishedKey("orders", TaskType.BACKUP_DB_DIFFERENTIAL, Lifecycle.ERROR), 1L));
    assertThat(restored.failures())
        .containsExactly(
            Map.entry(
                new FailureKey(
                    "orders", TaskType.BACKUP_DB_DIFFERENTIAL, FailureReason.S3_ACCESS_DENIED),
                1L));
    assertThat(restored.backupLastSuccess())
        .containsEntry(new BackupKey("orders", BackupKind.FULL), at(20));
    assertThat(restored.durations().get(TaskType.BACKUP_DB).count()).isEqualTo(1);

    second.pollSucceeded(done, POLL);
    assertThat(second.snapshot().finished()).isEqualTo(restored.finished());
  }

  @Test
  void aTaskThatFinishedWhileTheAgentWasDownIsCountedOnceOnTheNextPoll() {
    tracker().pollSucceeded(List.of(backup(7, "orders", "IN_PROGRESS", 50, at(-60), at(-1))), POLL);
    clock.advance(Duration.ofHours(6)); // agent down; the task finishes meanwhile
    TaskTracker after = tracker();
    List<TaskRow> rows = List.of(backup(7, "orders", "SUCCESS", 100, at(-60), at(90)));
    after.pollSucceeded(rows, POLL);
    after.pollSucceeded(rows, POLL);
    assertThat(after.snapshot().finished())
        .containsExactly(Map.entry(ordersBackup(Lifecycle.SUCCESS), 1L));
  }

  /** kill -9 just before the atomic rename (nothing on disk) or just after it (all on disk). */
  @ParameterizedTest
  @EnumSource(names = {"CRASH_BEFORE_COMMIT", "CRASH_AFTER_COMMIT"})
  void aKillAroundTheSaveNeitherLosesNorDoubleCounts(Fault kill) {
    TaskTracker first = tracker();
    first.pollSucceeded(List.of(backup(1, "orders", "IN_PROGRESS", 10, at(-10), at(-5))), POLL);
    store.failNextSave(kill);
    List<TaskRow> done = List.of(backup(1, "orders", "SUCCESS", 100, at(-10), at(1)));
    assertThatThrownBy(() -> first.pollSucceeded(done, POLL)).isInstanceOf(SimulatedCrash.class);
    assertThat(first.snapshot().finished()).as("nothing was published before the crash").isEmpty();

    TaskTracker second = tracker();
    long onDisk = kill == Fault.CRASH_AFTER_COMMIT ? 1 : 0;
    assertThat(second.state().finishedCount()).isEqualTo(onDisk);
    second.pollSucceeded(done, POLL);
    second.pollSucceeded(done, POLL);
    assertThat(second.snapshot().finished())
        .containsExactly(Map.entry(ordersBackup(Lifecycle.SUCCESS), 1L));
  }

  @Test
  void aFailedSavePublishesNoCountsAndTheNextPollCountsOnce() {
    TaskTracker tracker = tracker();
    tracker.pollSucceeded(List.of(backup(1, "orders", "IN_PROGRESS", 10, at(-10), at(-5))), POLL);
    store.failNextSave(Fault.IO_ERROR);
    List<TaskRow> done =
        List.of(
            backup(1, "orders", "SUCCESS", 100, at(-10), at(1)),
            backup(2, "orders", "CREATED", 0, at(1), at(1)));
    try (LogCapture log = new LogCapture(TaskTracker.class)) {
      tracker.pollSucceeded(done, POLL);
      assertThat(log.lines())
          .anyMatch(l -> l.startsWith("ERROR Instance orders-prod: cannot save tracker state"));
    }
    assertThat(tracker.snapshot().finished()).isEmpty();
    assertThat(tracker.snapshot().up()).isTrue();
    assertThat(tracker.snapshot().activeTasks())
        .extracting(t -> t.row().taskId())
        .containsExactly(2L);
    tracker.pollSucceeded(done, POLL);
    assertThat(tracker.snapshot().finished())
        .containsExactly(Map.entry(ordersBackup(Lifecycle.SUCCESS), 1L));
  }

  @Test
  void tasksFinishingOutOfOrderAreEachCountedOnce() {
    TaskTracker tracker = tracker();
    tracker.pollSucceeded(
        List.of(
            backup(10, "orders", "IN_PROGRESS", 5, at(-20), at(-1)),
            backup(11, "billing", "IN_PROGRESS", 50, at(-19), at(-1))),
        POLL);
    List<TaskRow> elevenDone =
        List.of(
            backup(10, "orders", "IN_PROGRESS", 30, at(-20), at(4)),
            backup(11, "billing", "SUCCESS", 100, at(-19), at(3)));
    tracker.pollSucceeded(elevenDone, POLL);
    assertThat(tracker.state().settled())
        .isEqualTo(new TaskIdSet(9, List.of(new TaskIdSet.Range(11, 11))));

    TaskTracker restarted = tracker();
    restarted.pollSucceeded(elevenDone, POLL);
    List<TaskRow> bothDone =
        List.of(
            row(
                10,
                "BACKUP_DB",
                "orders",
                "ERROR",
                30,
                at(-20),
                at(9),
                "BACKUP DATABASE is terminating abnormally."),
            backup(11, "billing", "SUCCESS", 100, at(-19), at(3)));
    restarted.pollSucceeded(bothDone, POLL);
    restarted.pollSucceeded(bothDone, POLL);
    assertThat(restarted.snapshot().finished())
        .containsOnly(
            Map.entry(ordersBackup(Lifecycle.ERROR), 1L),
            Map.entry(new FinishedKey("billing", TaskType.BACKUP_DB, Lifecycle.SUCCESS), 1L));
    assertThat(restarted.snapshot().failures())
        .containsExactly(
            Map.entry(
                new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.ENGINE_ERROR), 1L));
    assertThat(restarted.state().settled()).isEqualTo(new TaskIdSet(11, List.of()));
  }

  @Test
  void rowsLeavingTheThirtySixDayHistoryKeepCountsAndBackupTimesButExpireRestoreTimes() {
    TaskTracker tracker = tracker();
    tracker.pollSucceeded(
        List.of(
            backup(1, "legacy", "SUCCESS", 100, at(-35 * 1440), at(-35 * 1440 + 30)),
            row(
                2,
                "RESTORE_DB",
                "scratch_1",
                "SUCCESS",
                100,
                at(-10 * 1440),
                at(-10 * 1440 + 20),
                ""),
            backup(3, "orders", "IN_PROGRESS", 20, at(-10), at(-2))),
        POLL);
    clock.advance(Duration.ofMinutes(60));
    tracker.pollSucceeded(
        List.of(
            backup(1, "legacy", "SUCCESS", 100, at(-35 * 1440), at(-35 * 1440 + 30)),
            row(
                2,
                "RESTORE_DB",
                "scratch_1",
                "SUCCESS",
                100,
                at(-10 * 1440),
                at(-10 * 1440 + 20),
                ""),
            backup(3, "orders", "SUCCESS", 100, at(-10), at(50))),
        POLL);

    clock.advance(Duration.ofDays(40)); // a long outage: every row above has left rds_task_status
    TaskTracker later = tracker();
    Instant now = clock.instant();
    later.pollSucceeded(
        List.of(
            backup(8, "orders", "SUCCESS", 100, now.minusSeconds(7200), now.minusSeconds(3600)),
            backup(9, "orders", "IN_PROGRESS", 5, now.minusSeconds(60), now.minusSeconds(30))),
        POLL);
    InstanceSnapshot s = later.snapshot();
    assertThat(s.finished()).containsExactly(Map.entry(ordersBackup(Lifecycle.SUCCESS), 2L));
    assertThat(s.backupLastSuccess())
        .containsOnly(
            Map.entry(new BackupKey("legacy", BackupKind.FULL), at(-35 * 1440 + 30)),
            Map.entry(new BackupKey("orders", BackupKind.FULL), now.minusSeconds(3600)));
    assertThat(s.restoreLastSuccess()).isEmpty();
    assertThat(later.state().settled()).isEqualTo(new TaskIdSet(8, List.of()));
  }

  @Test
  void failureReasonsComeFromTaskInfoAndOnlyRdsCancellationsCountAsFailures() {
    TaskTracker tracker = tracker();
    tracker.pollSucceeded(List.of(), POLL);
    tracker.pollSucceeded(
        List.of(
            row(
                1,
                "BACKUP_DB",
                "orders",
                "ERROR",
                0,
                at(-5),
                at(-1),
                "User arn:aws:iam::1:role/x is not authorized to perform kms:GenerateDataKey"),
            row(
                2,
                "BACKUP_DB",
                "orders",
                "CANCELLED",
                40,
                at(-5),
                at(-1),
                "[2017-08-05 00:09:08.170] Aborting native backup because there is an RDS automated backup in"
                    + " progress.\n[2017-08-05 00:09:08.180] Aborted the task because of a task failure or an overlap"
                    + " with your preferred backup window for RDS automated backup."),
            row(3, "BACKUP_DB", "orders", "CANCELLED", 10, at(-5), at(-1), "cancelled by user"),
            row(4, "RESTORE_DB", "copy", "ERROR", 0, at(-5), at(-1), null)),
        POLL);
    assertThat(tracker.snapshot().failures())
        .containsOnly(
            Map.entry(new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.KMS), 1L),
            Map.entry(
                new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.BACKUP_WINDOW_OVERLAP),
                1L),
            Map.entry(new FailureKey("copy", TaskType.RESTORE_DB, FailureReason.UNKNOWN), 1L));
    assertThat(tracker.snapshot().finished()).containsEntry(ordersBackup(Lifecycle.CANCELLED), 2L);
  }

  @Test
  void theInstancesBackupWindowDecidesAnAbortWithOnlyTheGenericLine() {
    String generic =
        "Aborted the task because of a task failure or an overlap with your preferred backup window"
            + " for RDS automated backup.\nTask has been aborted";
    // no timestamps in the log: last_updated is the abort's time
    List<TaskRow> rows =
        List.of(
            row(1, "BACKUP_DB", "orders", "ERROR", 30, at(-50), at(-40), generic),
            row(2, "BACKUP_DB", "orders", "ERROR", 30, at(-50), at(-20), generic),
            row(
                3,
                "BACKUP_DB",
                "orders",
                "ERROR",
                30,
                at(-50),
                at(-20),
                generic + "\nAccess Denied"));
    String window =
        LocalTime.ofInstant(at(-45), ZoneOffset.UTC)
            + "-"
            + LocalTime.ofInstant(at(-30), ZoneOffset.UTC);
    TaskTracker tracker = new TaskTracker(Rows.target("orders-prod", window), STALL, store, clock);
    tracker.pollSucceeded(List.of(), POLL);
    tracker.pollSucceeded(rows, POLL);

    assertThat(tracker.snapshot().failures())
        .containsOnly(
            Map.entry(
                new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.BACKUP_WINDOW_OVERLAP),
                1L),
            Map.entry(new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.UNKNOWN), 1L),
            Map.entry(
                new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.S3_ACCESS_DENIED), 1L));
  }

  @Test
  void anUndocumentedLifecycleIsCountedApartWithoutProgressAndNeverCountedAsFinished() {
    TaskTracker tracker = tracker();
    tracker.pollSucceeded(List.of(), POLL);
    List<TaskRow> rows =
        List.of(
            row(
                1,
                "BACKUP_DB",
                "orders",
                "PAUSED_BY_RDS",
                40,
                at(-500),
                at(-400),
                "Task execution has started."),
            backup(2, "orders", "IN_PROGRESS", 10, at(-10), at(-5)));
    tracker.pollSucceeded(rows, POLL);
    clock.advance(STALL.multipliedBy(2));
    tracker.pollSucceeded(rows, POLL);

    InstanceSnapshot s = tracker.snapshot();
    assertThat(s.activeTasks()).extracting(t -> t.row().taskId()).containsExactly(2L);
    assertThat(s.otherLifecycleTasks()).containsExactly(Map.entry(TaskType.BACKUP_DB, 1L));
    assertThat(s.finished()).isEmpty();
    assertThat(tracker.state().active()).containsOnlyKeys(2L);
  }

  @Test
  void pollFailuresAreCountedByKindKeepTheLastRowsAndSurviveRestarts() {
    TaskTracker tracker = tracker();
    List<TaskRow> rows = List.of(backup(1, "orders", "IN_PROGRESS", 10, at(-10), at(-5)));
    tracker.pollSucceeded(rows, POLL);
    clock.advance(Duration.ofMinutes(1));
    tracker.pollFailed(PollErrorKind.CONNECT, Duration.ofSeconds(3));
    tracker.pollFailed(PollErrorKind.CONNECT, Duration.ofSeconds(3));
    tracker.pollFailed(PollErrorKind.PARSE, Duration.ofSeconds(1));
    InstanceSnapshot s = tracker.snapshot();
    assertThat(s.up()).isFalse();
    assertThat(s.pollDurationSeconds()).isEqualTo(1.0);
    assertThat(s.lastPollSuccess()).isEqualTo(T0);
    assertThat(s.pollErrors())
        .containsOnly(Map.entry(PollErrorKind.CONNECT, 2L), Map.entry(PollErrorKind.PARSE, 1L));
    assertThat(tracker.latestRows()).isEqualTo(rows);
    assertThat(tracker().snapshot().pollErrors()).isEqualTo(s.pollErrors());
  }

  @Test
  void drillScratchNamesCanBeFoldedIntoOneLabel() {
    TaskTracker tracker =
        new TaskTracker(
            Rows.target("orders-prod", null),
            STALL,
            store,
            clock,
            db -> db != null && db.startsWith("rdswatch_drill_") ? "rdswatch_drill" : db);
    tracker.pollSucceeded(List.of(), POLL);
    tracker.pollSucceeded(
        List.of(
            row(
                1,
                "RESTORE_DB",
                "rdswatch_drill_orders_20250310",
                "SUCCESS",
                100,
                at(-9),
                at(-1),
                ""),
            row(
                2,
                "RESTORE_DB",
                "rdswatch_drill_billing_20250310",
                "IN_PROGRESS",
                10,
                at(-1),
                at(-1),
                "")),
        POLL);
    assertThat(tracker.snapshot().finished())
        .containsExactly(
            Map.entry(
                new FinishedKey("rdswatch_drill", TaskType.RESTORE_DB, Lifecycle.SUCCESS), 1L));
    assertThat(tracker.snapshot().restoreLastSuccess()).containsOnlyKeys("rdswatch_drill");
    assertThat(tracker.snapshot().activeTasks().get(0).row().database())
        .isEqualTo("rdswatch_drill");
    assertThat(tracker.latestRows().get(1).database()).isEqualTo("rdswatch_drill_billing_20250310");
  }
}
