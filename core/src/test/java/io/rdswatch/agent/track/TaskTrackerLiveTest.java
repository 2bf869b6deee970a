package io.rdswatch.agent.track;

import static io.rdswatch.agent.track.Rows.backup;
import static io.rdswatch.agent.track.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.exporter.model.ActiveTask;
import io.rdswatch.exporter.model.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overlap, backup window, stall detection, queue age and task durations. */
class TaskTrackerLiveTest {

  private static final Duration STALL = Duration.ofMinutes(30);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Instant DAY = Instant.parse("2025-03-10T00:00:00Z");

  private final SteppedClock clock = new SteppedClock(DAY.plus(Duration.ofHours(12)));
  private final MemoryStateStore store = new MemoryStateStore();

  private TaskTracker tracker(String window) {
    return new TaskTracker(Rows.target("orders-prod", window), STALL, store, clock);
  }

  private static Instant hm(String hhmm) {
    return Instant.parse("2025-03-10T" + hhmm + ":00Z");
  }

  @Test
  void twoNonTerminalBackupsOfOneDatabaseOverlapWhateverTheWindow() {
    TaskTracker tracker = tracker(null);
    tracker.pollSucceeded(
        List.of(
            backup(1, "orders", "IN_PROGRESS", 30, hm("11:00"), hm("11:50")),
            row(2, "BACKUP_DB_DIFFERENTIAL", "orders", "CREATED", 0, hm("11:55"), hm("11:55"), ""),
            backup(3, "billing", "IN_PROGRESS", 30, hm("11:00"), hm("11:50")),
            backup(4, "billing", "SUCCESS", 100, hm("10:00"), hm("10:50")),
            row(5, "RESTORE_DB", "billing", "IN_PROGRESS", 30, hm("11:00"), hm("11:50"), "")),
        POLL);
    assertThat(tracker.snapshot().overlappingDatabases()).containsExactly("orders");
  }

  @Test
  void aRunningBackupInsideAWindowThatWrapsMidnightOverlaps() {
    TaskTracker tracker = tracker("23:30-00:15");
    List<io.rdswatch.exporter.model.TaskRow> rows =
        List.of(
            backup(1, "orders", "IN_PROGRESS", 30, hm("23:00"), hm("23:20")),
            backup(2, "queued", "CREATED", 0, hm("23:00"), hm("23:00")),
            row(3, "RESTORE_DB", "copy", "IN_PROGRESS", 30, hm("23:00"), hm("23:20"), ""));
    clock.set(hm("23:29"));
    tracker.pollSucceeded(rows, POLL);
    assertThat(tracker.snapshot().overlappingDatabases()).isEmpty();
    clock.set(hm("23:30"));
    tracker.pollSucceeded(rows, POLL);
    assertThat(tracker.snapshot().overlappingDatabases()).containsExactly("orders");
    clock.set(Instant.parse("2025-03-11T00:14:59Z"));
    tracker.pollSucceeded(rows, POLL);
    assertThat(tracker.snapshot().overlappingDatabases()).containsExactly("orders");
    clock.set(Instant.parse("2025-03-11T00:15:00Z"));
    tracker.pollSucceeded(rows, POLL);
    assertThat(tracker.snapshot().overlappingDatabases()).isEmpty();
  }

  @Test
  void anInvalidWindowIsReportedAndIgnored() {
    try (LogCapture log = new LogCapture(TaskTracker.class)) {
      TaskTracker tracker = tracker("3:00-3:30");
      clock.set(hm("03:10"));
      tracker.pollSucceeded(
          List.of(backup(1, "orders", "IN_PROGRESS", 30, hm("03:00"), hm("03:05"))), POLL);
      assertThat(tracker.snapshot().overlappingDatabases()).isEmpty();
      assertThat(log.lines())
          .contains(
              "WARN Instance orders-prod: backup window '3:00-3:30' must look like HH:mm-HH:mm in"
                  + " UTC, e.g. 03:00-03:30; backup-window overlap detection is off");
    }
  }

  @Test
  void progressAloneIsSavedAtMostEveryFiveMinutesAndAtShutdown() {
    TaskTracker tracker = tracker(null);
    Instant created = hm("11:00");
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "IN_PROGRESS", 10, created, hm("11:50"))), POLL);
    int afterNewTask = store.saves;
    clock.advance(Duration.ofMinutes(1));
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "IN_PROGRESS", 20, created, hm("12:01"))), POLL);
    clock.advance(Duration.ofMinutes(1));
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "IN_PROGRESS", 30, created, hm("12:02"))), POLL);
    assertThat(store.saves)
        .as("progress within five minutes of the last save waits")
        .isEqualTo(afterNewTask);
    assertThat(only(tracker).progressRatio()).as("but shows at once").isEqualTo(0.30);

    clock.advance(Duration.ofMinutes(3));
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "IN_PROGRESS", 30, created, hm("12:02"))), POLL);
    assertThat(store.saves)
        .as("waiting progress is saved five minutes on")
        .isEqualTo(afterNewTask + 1);
    assertThat(store.load("orders-prod").orElseThrow().active().get(1L).percent()).isEqualTo(30);

    clock.advance(Duration.ofMinutes(1));
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "IN_PROGRESS", 40, created, hm("12:06"))), POLL);
    assertThat(store.load("orders-prod").orElseThrow().active().get(1L).percent()).isEqualTo(30);
    tracker.flush();
    assertThat(store.load("orders-prod").orElseThrow().active().get(1L).percent())
        .as("flush saves it")
        .isEqualTo(40);
  }

  @Test
  void aStartedTaskIsStalledWhenItsProgressHasNotMovedForStallAfterAcrossRestarts() {
    TaskTracker tracker = tracker(null);
    Instant created = hm("11:00");
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "IN_PROGRESS", 10, created, hm("11:50"))), POLL);
    clock.advance(Duration.ofMinutes(29));
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "IN_PROGRESS", 10, created, hm("11:50"))), POLL);
    assertThat(only(tracker).stalled()).isFalse();
    clock.advance(Duration.ofMinutes(1));
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "IN_PROGRESS", 10, created, hm("11:50"))), POLL);
    assertThat(only(tracker).stalled()).isTrue();
    clock.advance(Duration.ofMinutes(5));
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "IN_PROGRESS", 15, created, hm("12:34"))), POLL);
    assertThat(only(tracker).stalled()).isFalse();
    assertThat(only(tracker).progressRatio()).isEqualTo(0.15);

    clock.advance(Duration.ofMinutes(30));
    TaskTracker restarted = tracker(null);
    restarted.pollSucceeded(
        List.of(backup(1, "orders", "IN_PROGRESS", 15, created, hm("12:34"))), POLL);
    assertThat(only(restarted).stalled()).as("the progress mark survived the restart").isTrue();
  }

  @Test
  void aQueuedTaskReportsItsAgeAndIsNeverStalled() {
    TaskTracker tracker = tracker(null);
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "CREATED", 0, hm("10:00"), hm("10:00"))), POLL);
    clock.advance(Duration.ofHours(1));
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "CREATED", 0, hm("10:00"), hm("10:00"))), POLL);
    ActiveTask task = only(tracker);
    assertThat(task.stalled()).isFalse();
    assertThat(task.queuedSeconds()).isEqualTo(3 * 3600.0);
    clock.advance(Duration.ofMinutes(1));
    tracker.pollSucceeded(
        List.of(backup(1, "orders", "IN_PROGRESS", 0, hm("10:00"), hm("13:00"))), POLL);
    assertThat(only(tracker).queuedSeconds()).isZero();
    assertThat(only(tracker).stalled()).as("leaving the queue restarts the stall timer").isFalse();
  }

  @Test
  void durationIsTheMeasuredRunWhenTheStartWasSeenElseFromCreatedAt() {
    TaskTracker tracker = tracker(null);
    tracker.pollSucceeded(
        List.of(
            backup(1, "orders", "CREATED", 0, hm("11:00"), hm("11:00")),
            backup(2, "billing", "IN_PROGRESS", 50, hm("11:00"), hm("11:40"))),
        POLL);
    tracker.pollSucceeded(
        List.of(
            backup(1, "orders", "IN_PROGRESS", 0, hm("11:00"), hm("11:05")),
            backup(2, "billing", "IN_PROGRESS", 55, hm("11:00"), hm("11:45"))),
        POLL);
    tracker.pollSucceeded(
        List.of(
            backup(1, "orders", "SUCCESS", 100, hm("11:00"), hm("12:05")),
            backup(
                2, "billing", "SUCCESS", 100, hm("11:00"), hm("11:20").plus(Duration.ofHours(1)))),
        POLL);
    var histogram = tracker.snapshot().durations().get(TaskType.BACKUP_DB);
    assertThat(histogram.count()).isEqualTo(2);
    assertThat(histogram.sum())
        .as("orders: 11:05-12:05, billing: 11:00-12:20")
        .isEqualTo(3600 + 4800.0);
  }

  private static ActiveTask only(TaskTracker tracker) {
    assertThat(tracker.snapshot().activeTasks()).hasSize(1);
    return tracker.snapshot().activeTasks().get(0);
  }
}
