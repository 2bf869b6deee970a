package io.rdswatch.simulator.rds;

import static io.rdswatch.simulator.rds.TestInstances.arn;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.clock.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLifecycleTest {
  final ManualClock clock = new ManualClock(TestInstances.T0);
  final RdsInstance rds = TestInstances.create(clock);

  private TaskRow backup(String key) {
    return rds.procedures().backup(BackupRequest.full("Sales", arn(key)));
  }

  @Test
  void aBackupGoesFromCreatedThroughProgressToSuccessAndWritesItsObject() {
    TaskRow created = backup("a.bak");
    assertThat(created.lifecycle()).isEqualTo(Lifecycle.CREATED);
    assertThat(created.taskInfo()).isNull();
    assertThat(created.lastUpdated()).isEqualTo(created.createdAt());

    clock.advance(Duration.ofSeconds(60 + 110)); // 110 s into a 204.8 s run: 53%
    TaskRow running = rds.taskRow(created.taskId());
    assertThat(running.lifecycle()).isEqualTo(Lifecycle.IN_PROGRESS);
    assertThat(running.percentComplete()).isEqualTo(50);
    assertThat(running.taskInfo().split("\n"))
        .startsWith(
            "[2026-11-27 00:01:00.000] Task execution has started.",
            "[2026-11-27 00:01:10.240] 5 percent processed.")
        .endsWith("[2026-11-27 00:02:42.400] 50 percent processed.");
    assertThat(running.lastUpdated()).isEqualTo(TestInstances.T0.plusMillis(162_400));
    assertThat(running.durationMinutes()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(5));
    TaskRow done = rds.taskRow(created.taskId());
    assertThat(done.lifecycle()).isEqualTo(Lifecycle.SUCCESS);
    assertThat(done.percentComplete()).isEqualTo(100);
    assertThat(done.taskInfo())
        .contains(
            "95 percent processed.",
            "a.bak: Completed processing 100% of S3 chunks.",
            "BACKUP DATABASE successfully processed",
            "Task has been completed.");
    assertThat(done.durationMinutes()).isEqualTo(3);
    S3Object object = rds.s3().get(new S3Location(TestInstances.BUCKET, "a.bak"));
    assertThat(object.image().sourceDb()).isEqualTo("Sales");
    assertThat(object.image().tables().rowCount("orders")).isEqualTo(1200L);
  }

  @Test
  void aThirdTaskWaitsInCreatedUntilASlotFrees() {
    TaskRow first = backup("1.bak");
    clock.advance(Duration.ofSeconds(30));
    TaskRow second = backup("2.bak");
    TaskRow third = backup("3.bak");
    clock.advance(Duration.ofSeconds(100)); // all three past their pickup delay
    assertThat(lifecycles())
        .containsExactly(Lifecycle.IN_PROGRESS, Lifecycle.IN_PROGRESS, Lifecycle.CREATED);

    clock.set(TestInstances.T0.plusSeconds(60).plusMillis(204_800)); // the first one ends
    assertThat(rds.taskRow(first.taskId()).lifecycle()).isEqualTo(Lifecycle.SUCCESS);
    assertThat(rds.taskRow(third.taskId()).lifecycle()).isEqualTo(Lifecycle.IN_PROGRESS);
    assertThat(rds.taskRow(third.taskId()).taskInfo())
        .startsWith("[2026-11-27 00:04:24.800] Task execution has started.");
    clock.advance(Duration.ofMinutes(10));
    assertThat(lifecycles()).containsOnly(Lifecycle.SUCCESS);
    assertThat(second.taskId()).isEqualTo(2);
  }

  @Test
  void cancelPassesThroughCancelRequested() {
    TaskRow t = backup("c.bak");
    clock.advance(Duration.ofSeconds(90));
    TaskRow requested = rds.procedures().cancel(t.taskId());
    assertThat(requested.lifecycle()).isEqualTo(Lifecycle.CANCEL_REQUESTED);
    clock.advance(Duration.ofSeconds(10));
    assertThat(rds.taskRow(t.taskId()).lifecycle()).isEqualTo(Lifecycle.CANCEL_REQUESTED);
    clock.advance(Duration.ofSeconds(30));
    TaskRow cancelled = rds.taskRow(t.taskId());
    assertThat(cancelled.lifecycle()).isEqualTo(Lifecycle.CANCELLED);
    assertThat(cancelled.taskInfo())
        .contains("Task cancellation has been requested.", "Task has been cancelled.");
    assertThat(cancelled.percentComplete()).isEqualTo(25);
    assertThat(rds.s3().get(new S3Location(TestInstances.BUCKET, "c.bak"))).isNull();
  }

  @Test
  void aCreatedTaskCanBeCancelledBeforeItStarts() {
    TaskRow t = backup("q.bak");
    rds.procedures().cancel(t.taskId());
    clock.advance(Duration.ofMinutes(5));
    TaskRow row = rds.taskRow(t.taskId());
    assertThat(row.lifecycle()).isEqualTo(Lifecycle.CANCELLED);
    assertThat(row.taskInfo()).doesNotContain("Task execution has started.");
  }

  @Test
  void historyIsKeptFor36Days() {
    TaskRow old = backup("old.bak");
    clock.advance(Duration.ofDays(20));
    TaskRow recent = backup("recent.bak");
    clock.advance(Duration.ofDays(16).plusMinutes(1));
    List<Integer> ids = rds.taskRows(null, null).stream().map(TaskRow::taskId).toList();
    assertThat(ids).containsExactly(recent.taskId());
    assertThat(rds.taskRow(old.taskId())).isNull();
  }

  @Test
  void aFullRestoreCreatesTheDatabaseRestoringThenOnline() {
    backup("full.bak");
    clock.advance(Duration.ofMinutes(10));
    TaskRow restore = rds.procedures().restore(RestoreRequest.full("Sales_copy", arn("full.bak")));
    assertThat(restore.taskType()).isEqualTo("RESTORE_DB");
    clock.advance(Duration.ofSeconds(61));
    assertThat(db("sales_copy").state()).isEqualTo(DbState.RESTORING);
    clock.advance(Duration.ofMinutes(10));
    Database copy = db("Sales_copy");
    assertThat(copy.state()).isEqualTo(DbState.ONLINE);
    assertThat(copy.tables().rowCount("Orders")).isEqualTo(1200L);
    assertThat(rds.taskRow(restore.taskId()).taskInfo())
        .contains("RESTORE DATABASE successfully processed");
  }

  @Test
  void noRecoveryLeavesItRestoringUntilFinishRestore() {
    backup("full.bak");
    clock.advance(Duration.ofMinutes(10));
    TaskRow r =
        rds.procedures()
            .restore(new RestoreRequest("Copy", arn("full.bak"), null, BackupKind.FULL, true));
    assertThat(r.taskType()).isEqualTo("RESTORE_DB_NORECOVERY");
    clock.advance(Duration.ofMinutes(10));
    assertThat(db("Copy").state()).isEqualTo(DbState.RESTORING);
    TaskRow finish = rds.procedures().finishRestore("Copy");
    assertThat(finish.taskType()).isEqualTo("FINISH_RESTORE");
    clock.advance(Duration.ofMinutes(3));
    assertThat(rds.taskRow(finish.taskId()).lifecycle()).isEqualTo(Lifecycle.SUCCESS);
    assertThat(db("Copy").state()).isEqualTo(DbState.ONLINE);
  }

  @Test
  void multiFileBackupsExpandTheStarAndRestoreFromThePrefix() {
    rds.procedures()
        .backup(new BackupRequest("Sales", arn("multi/s*.bak"), null, false, BackupKind.FULL, 4));
    clock.advance(Duration.ofMinutes(10));
    assertThat(rds.locked(() -> rds.s3().bucket(TestInstances.BUCKET).list("multi/")))
        .extracting(o -> o.location().key())
        .containsExactly(
            "multi/s1-of-4.bak", "multi/s2-of-4.bak", "multi/s3-of-4.bak", "multi/s4-of-4.bak");
    TaskRow r = rds.procedures().restore(RestoreRequest.full("Multi", arn("multi/s*")));
    clock.advance(Duration.ofMinutes(10));
    assertThat(rds.taskRow(r.taskId()).lifecycle()).isEqualTo(Lifecycle.SUCCESS);
  }

  private Database db(String name) {
    return rds.locked(() -> rds.catalog().get(name));
  }

  private List<Lifecycle> lifecycles() {
    return rds.taskRows(null, null).stream().map(TaskRow::lifecycle).toList();
  }
}
