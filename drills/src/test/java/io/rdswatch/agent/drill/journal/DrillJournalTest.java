package io.rdswatch.agent.drill.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillJournalTest {

  private static final Instant T0 = Instant.parse("2026-11-29T04:00:00Z");

  @TempDir Path state;

  static DrillPlan plan() {
    return new DrillPlan(
        "weekly",
        "schedule",
        "orders-prod",
        "orders-prod",
        "Orders",
        "rdswatch_drill_",
        T0,
        null,
        null,
        false,
        List.of(new DrillPlan.CheckSpec(true, null, null)),
        7200L,
        3600,
        false);
  }

  @Test
  void writesOneFilePerDrillAndReadsItBack() throws Exception {
    DrillJournal journal = new DrillJournal(state);
    DrillRecord r = new DrillRecord(DrillJournal.newId(T0), "host:1", plan(), T0);
    try (DrillLease lease = journal.begin(r)) {
      r.scratchName("rdswatch_drill_Orders_20261129040000_ab12").step(DrillStep.SUBMITTING);
      lease.save(r);
      r.task(
              new RestoreTask(
                  7, "FULL", "SUCCESS", 100, T0, T0.plusSeconds(60), T0.plusSeconds(600), "done"))
          .outcome(DrillStatus.SUCCESS, null, null)
          .finish(T0.plusSeconds(700));
      lease.save(r);
    }
    assertThat(Files.list(journal.dir()).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder(r.id() + ".json", JournalSeal.KEY_FILE);
    DrillRecord back = journal.read(r.id()).orElseThrow();
    assertThat(back.status()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(back.scratchName()).isEqualTo("rdswatch_drill_Orders_20261129040000_ab12");
    assertThat(back.rtoSeconds()).isEqualTo(600.0);
    assertThat(back.rtoMet()).isTrue();
    assertThat(back.tasks().get(0).queueWaitSeconds()).isEqualTo(60.0);
    assertThat(back.plan()).isEqualTo(plan());
    assertThat(Files.readString(journal.file(r.id())))
        .contains("\"status\" : \"success\"", "\"startedAt\" : \"2026-11-29T04:00:00Z\"");
  }

  @Test
  void onlyAJournalThisStateDirSealedIsTrusted() throws Exception {
    DrillJournal journal = new DrillJournal(state);
    DrillRecord r =
        new DrillRecord("20261129T040000Z-0000000a", "h", plan(), T0)
            .scratchName("rdswatch_drill_Orders_20261129040000_ab12")
            .scratchCreated(true);
    journal.begin(r).close();
    assertThat(journal.readSealed(r.id()))
        .hasValueSatisfying(x -> assertThat(x.scratchName()).isEqualTo(r.scratchName()));
    assertThat(new DrillJournal(state).readSealed(r.id()))
        .as("another process on the same stateDir")
        .isPresent();

    Path file = journal.file(r.id());
    String sealed = Files.readString(file);
    Files.writeString(file, sealed.replace("rdswatch_drill_Orders_20261129040000_ab12", "Orders"));
    assertThat(journal.read(r.id()))
        .hasValueSatisfying(x -> assertThat(x.scratchName()).isEqualTo("Orders"));
    assertThat(journal.readSealed(r.id())).as("edited by hand").isEmpty();

    Files.writeString(
        file, sealed.replace("\"scratchCreated\" : true", "\"scratchCreated\" : false"));
    assertThat(journal.readSealed(r.id())).as("any byte").isEmpty();

    DrillJournal other = new DrillJournal(state.resolve("elsewhere"));
    other
        .begin(
            new DrillRecord(r.id(), "h", plan(), T0)
                .scratchName("rdswatch_drill_x")
                .scratchCreated(true))
        .close();
    Files.copy(other.file(r.id()), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(journal.read(r.id())).isPresent();
    assertThat(journal.readSealed(r.id())).as("sealed by another stateDir").isEmpty();

    int at = sealed.indexOf("\"record\":") + "\"record\":".length();
    Files.writeString(file, sealed.substring(at, sealed.lastIndexOf('}')));
    assertThat(journal.read(r.id())).as("a bare record still reads").isPresent();
    assertThat(journal.readSealed(r.id())).as("but is not trusted").isEmpty();
  }

  @Test
  void theKeyIsPrivateAndSharedByEveryProcessOnTheStateDir() throws Exception {
    DrillJournal journal = new DrillJournal(state);
    journal.begin(new DrillRecord("20261129T040000Z-0000000b", "h", plan(), T0)).close();
    Path key = journal.dir().resolve(JournalSeal.KEY_FILE);
    assertThat(Files.readString(key).strip()).matches("[0-9a-f]{64}");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    String before = Files.readString(key);
    new DrillJournal(state)
        .begin(new DrillRecord("20261129T040000Z-0000000c", "h", plan(), T0))
        .close();
    assertThat(Files.readString(key)).isEqualTo(before);
    assertThat(journal.readSealed("20261129T040000Z-0000000c")).isPresent();
  }

  @Test
  void statusIsRunningUntilTheDrillIsFinished() {
    DrillRecord r =
        new DrillRecord("x", "h", plan(), T0)
            .outcome(DrillStatus.VERIFY_FAILED, "checkdb_failed", "8928");
    assertThat(r.status()).isEqualTo(DrillStatus.RUNNING);
    assertThat(r.outcome()).isEqualTo(DrillStatus.VERIFY_FAILED);
    assertThat(r.finish(T0).status()).isEqualTo(DrillStatus.VERIFY_FAILED);
  }

  @Test
  void aLiveDrillCannotBeClaimedAFinishedOneIsNeverClaimed() throws Exception {
    DrillJournal journal = new DrillJournal(state);
    DrillRecord r = new DrillRecord("20261129T040000Z-00000001", "h", plan(), T0);
    DrillLease lease = journal.begin(r);
    assertThat(journal.claim(r.id())).isEmpty();
    assertThat(journal.isLive(r.id())).isTrue();
    lease.release(); // what a crash does: no tidying, the OS lock just goes
    assertThat(journal.isLive(r.id())).isFalse();
    try (DrillLease taken = journal.claim(r.id()).orElseThrow()) {
      assertThat(journal.claim(r.id())).isEmpty();
      r.outcome(DrillStatus.INTERRUPTED, "interrupted", "x").finish(T0);
      taken.save(r);
    }
    assertThat(journal.claim(r.id())).isEmpty();
    assertThat(Files.exists(journal.lockFile(r.id()))).isFalse();
  }

  @Test
  void anIdIsNeverUsedTwice() throws Exception {
    DrillJournal journal = new DrillJournal(state);
    DrillRecord r = new DrillRecord("20261129T040000Z-00000002", "h", plan(), T0);
    try (DrillLease ignored = journal.begin(r)) {
      assertThatThrownBy(() -> journal.begin(r)).hasMessageContaining("already in use");
    }
  }

  @Test
  void unreadableFilesAreSkippedNotFatal() throws Exception {
    DrillJournal journal = new DrillJournal(state);
    Files.createDirectories(journal.dir());
    Files.writeString(journal.dir().resolve("20260101T000000Z-deadbeef.json"), "{ not json");
    DrillRecord r = new DrillRecord("20261129T040000Z-00000003", "h", plan(), T0);
    journal.begin(r).close();
    assertThat(journal.list()).extracting(DrillRecord::id).containsExactly(r.id());
    assertThat(new DrillHistory(journal).get("../../etc/passwd")).isEmpty();
  }

  @Test
  void idsSortByStartTime() {
    String a = DrillJournal.newId(T0);
    String b = DrillJournal.newId(T0.plusSeconds(1));
    assertThat(a).matches("20261129T040000Z-[0-9a-f]{8}");
    assertThat(List.of(b, a).stream().sorted().toList()).containsExactly(a, b);
  }
}
