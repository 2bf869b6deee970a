package io.rdswatch.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.exporter.model.FinishedKey;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A periodic full read checks the narrow reads before it: a task they lacked (a server that left a
 * row out) is counted by the full read, once, and shows in the resync corrections; a full read that
 * agrees corrects nothing.
 */
class ResyncCorrectionsTest {

  private static final Instant T0 = Rows.T0;

  @Test
  void fullReadCountsWhatANarrowReadLacked() {
    SteppedClock clock = new SteppedClock(T0);
    TaskTracker tracker =
        new TaskTracker(
            Rows.target("prod", null), Duration.ofMinutes(30), new MemoryStateStore(), clock);
    TaskRow done1 =
        Rows.backup(1, "a", "SUCCESS", 100, T0.minusSeconds(7200), T0.minusSeconds(3600));
    TaskRow running2 = Rows.backup(2, "b", "IN_PROGRESS", 40, T0.minusSeconds(600), T0);
    tracker.pollSucceeded(
        PollRead.full(List.of(done1, running2), Set.of(), PollRead.FUNCTION), Duration.ZERO);
    assertThat(tracker.watermark()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(10));
    TaskRow failed2 =
        Rows.row(
            2,
            "BACKUP_DB",
            "b",
            "ERROR",
            60,
            T0.minusSeconds(600),
            T0.plusSeconds(500),
            "Access Denied");
    TaskRow done3 = Rows.backup(3, "c", "SUCCESS", 100, T0.plusSeconds(60), T0.plusSeconds(400));
    // the narrow read should hold task 2 (above the watermark); this server left it out
    tracker.pollSucceeded(
        new PollRead(List.of(done3), Set.of(), false, 1, PollRead.FUNCTION), Duration.ZERO);
    assertThat(tracker.snapshot().finished()).containsOnlyKeys(key("c", Lifecycle.SUCCESS));
    assertThat(tracker.watermark())
        .as("a narrow read does not settle ids it did not show")
        .isEqualTo(1);

    clock.advance(Duration.ofMinutes(10));
    tracker.pollSucceeded(
        PollRead.full(List.of(done1, failed2, done3), Set.of(), PollRead.FUNCTION), Duration.ZERO);
    assertThat(tracker.snapshot().resyncCorrections()).isEqualTo(1);
    assertThat(tracker.snapshot().finished())
        .isEqualTo(Map.of(key("c", Lifecycle.SUCCESS), 1L, key("b", Lifecycle.ERROR), 1L));
    assertThat(tracker.watermark()).isEqualTo(3);

    clock.advance(Duration.ofMinutes(10));
    tracker.pollSucceeded(
        new PollRead(List.of(), Set.of(), false, 3, PollRead.FUNCTION), Duration.ZERO);
    tracker.pollSucceeded(
        PollRead.full(List.of(done1, failed2, done3), Set.of(), PollRead.FUNCTION), Duration.ZERO);
    assertThat(tracker.snapshot().resyncCorrections()).as("a full read that agrees").isEqualTo(1);
    assertThat(tracker.latestRows()).containsExactly(done1, failed2, done3);
    assertThat(tracker.snapshot().pollMode()).isEqualTo(PollRead.FUNCTION);
  }

  private static FinishedKey key(String db, Lifecycle lifecycle) {
    return new FinishedKey(db, TaskType.BACKUP_DB, lifecycle);
  }
}
