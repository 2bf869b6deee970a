package io.rdswatch.agent.drill;

import static io.rdswatch.agent.drill.sim.DrillSim.checkdb;
import static io.rdswatch.agent.drill.sim.DrillSim.plan;
import static io.rdswatch.agent.drill.sim.DrillSim.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.jackson.Jackson;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillLease;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.run.DbNames;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.run.Recovery;
import io.rdswatch.agent.drill.run.ScratchNames;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.RecordingBackend.Call;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.rds.Database;
import io.rdswatch.simulator.rds.RestoreRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A drill dies at some step; then its journal is tampered with (edited by hand, replaced by one
 * from another agent's stateDir, or rewritten through the journal itself as a bug would) to point
 * at a victim database, which is often named exactly like a scratch database or like it up to case
 * and accents, and was made by a real restore task. Whatever recovery then does, it never drops,
 * restores over or cancels anything the drill did not create, and it records a result.
 *
 * <p>Each kind of tampering is stopped by one proof: hand edits and foreign files by the journal's
 * seal; a rewritten name or task by the configured prefix; a name alone by the task proof in
 * rds_task_status; a reused task id by the task check before any cancel. The one case no check can
 * catch, a journal forged with this stateDir's own key to point consistently at a database that
 * carries the exact prefix and was made by a restore, is left out: whoever holds that key (and the
 * SQL login next to it) needs no rdswatch to drop a database.
 */
class DrillTamperedJournalPropertyTest {

  static final String PREFIX = "rdswatch_drill_";
  static final ObjectMapper JSON = Jackson.newObjectMapper();

  enum CrashAt {
    SUBMITTED,
    RESTORING,
    VERIFYING,
    DROPPING
  }

  enum Tamper {
    NONE,
    /** Name, task id and plan prefix edited in the file; the old seal kept. */
    HAND_EDIT,
    /** A journal written (and sealed) in another agent's stateDir, copied in. */
    FOREIGN_JOURNAL,
    /** Rewritten through the journal: the name only. */
    RESEALED_NAME,
    /** Rewritten through the journal: name and task id, consistently. */
    RESEALED_NAME_AND_TASK,
    /** Rewritten through the journal: name, task id and the plan's prefix. */
    RESEALED_PREFIX_NAME_AND_TASK,
    /** Rewritten through the journal: the task id now names a running backup, past the timeout. */
    RESEALED_TASK_TO_RUNNING_BACKUP
  }

  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  @Provide
  Arbitrary<String> victims() {
    Arbitrary<String> rand = Arbitraries.strings().withChars("abcxyz0189").ofLength(4);
    Arbitrary<String> exact = rand.map(r -> PREFIX + "Src_20261129100000_" + r);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, exact),
        net.jqwik.api.Tuple.of(1, exact.map(s -> s.toUpperCase(java.util.Locale.ROOT))),
        net.jqwik.api.Tuple.of(1, exact.map(s -> s.replaceFirst("i", "ì"))),
        net.jqwik.api.Tuple.of(1, exact.map(s -> " " + s)),
        net.jqwik.api.Tuple.of(1, rand.map(r -> "rdswatch_dril_" + r)),
        net.jqwik.api.Tuple.of(
            2,
            Arbitraries.strings()
                .withChars("aAbZ_'\";[]- ü日😀0")
                .ofMinLength(1)
                .ofMaxLength(20)
                .filter(s -> !s.isBlank())),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.of(
                "Orders_copy", "x]; DROP DATABASE [Orders];--", "O'Brien", "Bestellungen_ü")));
  }

  @Property(tries = 120)
  void noJournalEverMakesADrillTouchWhatItDidNotCreate(
      @ForAll("victims") String victim, @ForAll CrashAt crash, @ForAll Tamper tamper)
      throws Exception {
    boolean exactPrefix = victim.startsWith(PREFIX) && ScratchNames.isValid(victim);
    Assume.that(
        !(exactPrefix
            && (tamper == Tamper.RESEALED_NAME_AND_TASK
                || tamper == Tamper.RESEALED_PREFIX_NAME_AND_TASK)));
    check(victim, crash, tamper);
  }

  /** The seal alone stops these: every other proof would pass. */
  @Example
  void aHandEditedJournalNamingAScratchShapedVictim() throws Exception {
    check(PREFIX + "Src_20261129100000_ab12", CrashAt.DROPPING, Tamper.HAND_EDIT);
    check(PREFIX + "Src_20261129100000_ab12", CrashAt.RESTORING, Tamper.FOREIGN_JOURNAL);
  }

  /**
   * The configured prefix alone stops these: the name and the task agree, and the journal is
   * sealed.
   */
  @Example
  void aRewrittenJournalNamingADatabaseWithoutTheExactPrefix() throws Exception {
    check(
        "RDSWATCH_DRILL_Src_20261129100000_ab12", CrashAt.DROPPING, Tamper.RESEALED_NAME_AND_TASK);
    check("Orders_copy", CrashAt.VERIFYING, Tamper.RESEALED_PREFIX_NAME_AND_TASK);
  }

  /** The task proof alone stops this at the drop, the task check while following. */
  @Example
  void aRewrittenJournalNamingAScratchShapedVictimWithTheDrillsOwnTask() throws Exception {
    check(PREFIX + "Src_20261129100000_ab12", CrashAt.DROPPING, Tamper.RESEALED_NAME);
    check(PREFIX + "Src_20261129100000_ab12", CrashAt.VERIFYING, Tamper.RESEALED_NAME);
    check(PREFIX + "Src_20261129100000_ab12", CrashAt.RESTORING, Tamper.RESEALED_NAME);
  }

  /** The task check before any cancel stops this. */
  @Example
  void aRewrittenJournalWhoseTaskIsSomeoneElsesRunningBackup() throws Exception {
    check(
        PREFIX + "Src_20261129100000_ab12",
        CrashAt.VERIFYING,
        Tamper.RESEALED_TASK_TO_RUNNING_BACKUP);
  }

  void check(String victim, CrashAt crash, Tamper tamper) throws Exception {
    Path dir = Files.createTempDirectory("drill-tamper");
    Path state = dir.resolve("state");
    try (DrillSim sim = new DrillSim(Instant.parse("2026-11-29T10:00:00Z"))) {
      var rds = sim.instance("orders-prod");
      rds.addDatabase(
          io.rdswatch.simulator.rds.DatabaseSpec.of("Src", 64)
              .withTables(io.rdswatch.simulator.rds.Tables.of(Map.of("T", 3L))));
      sim.backup("orders-prod", "Src");
      Set<String> existing =
          rds.rds().catalog().all().stream()
              .map(d -> DbNames.key(d.name()))
              .collect(Collectors.toSet());
      Assume.that(!existing.contains(DbNames.key(victim)));
      // the victim is real: a restore task made it, so rds_task_status vouches for its name
      long victimTask =
          sim.await(
                  "orders-prod",
                  rds.restore(RestoreRequest.full(victim, DrillSim.arn("Src", "full"))).taskId())
              .taskId();
      Map<String, Database> before = snapshot(sim);

      String id = crash(sim, state, crash);
      String ownScratch = new DrillJournal(state).read(id).orElseThrow().scratchName();
      Long foreignTask =
          tamper == Tamper.RESEALED_TASK_TO_RUNNING_BACKUP
              ? (long)
                  rds.backup(BackupRequest.full("Big", DrillSim.arn("Big", "running"))).taskId()
              : null;
      tamper(state, dir, id, tamper, victim, victimTask, foreignTask);

      DrillContext ctx = sim.context(state, DrillSim.settings(), 12);
      new Recovery(new DrillRunner(ctx)).reconcile(DrillObserver.NONE);

      List<DrillRecord> all = new DrillJournal(state).list();
      assertThat(all).as("every drill has a result").isNotEmpty().allMatch(DrillRecord::isFinished);
      all.forEach(r -> Statistics.collect(tamper, r.status()));
      assertThat(new Recovery(new DrillRunner(ctx)).reconcile(DrillObserver.NONE)).isEmpty();

      Map<String, Database> after = snapshot(sim);
      before.forEach(
          (key, db) -> {
            assertThat(after)
                .as("%s still exists (tamper %s at %s)", db.name(), tamper, crash)
                .containsKey(key);
            assertThat(after.get(key).id()).as("%s was not replaced", db.name()).isEqualTo(db.id());
          });
      List<String> restored =
          sim.calls("rds_restore_database").stream()
              .map(c -> (String) c.params().get("@P0"))
              .toList();
      for (String target : restored) {
        assertThat(target).startsWith(PREFIX);
        assertThat(before)
            .as("restore target %s existed before", target)
            .doesNotContainKey(DbNames.key(target));
      }
      for (Call drop : sim.calls("rds_drop_database")) {
        assertThat(restored)
            .as(
                "dropped %s, which the drill restored (tamper %s)",
                drop.params().get("@P0"), tamper)
            .contains((String) drop.params().get("@P0"));
      }
      Set<Long> ownTasks =
          rds.tasks().stream()
              .filter(t -> restored.contains(t.databaseName()))
              .map(t -> (long) t.taskId())
              .collect(Collectors.toSet());
      for (Call cancel : sim.calls("rds_cancel_task")) {
        assertThat(ownTasks)
            .as("cancelled a task of its own")
            .contains(((Number) cancel.params().get("@P0")).longValue());
      }
      Set<String> left = new HashSet<>(after.keySet());
      left.removeAll(before.keySet());
      if (tamper == Tamper.NONE || tamper == Tamper.FOREIGN_JOURNAL) {
        assertThat(left).as("nothing of the drill is left").isEmpty();
      } else {
        // a tampered journal may strand the drill's own scratch database (reported, kept): never
        // more
        assertThat(left).isSubsetOf(Set.of(DbNames.key(ownScratch)));
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Runs a drill of Src that dies right after the journal write {@code at} describes; its id. */
  static String crash(DrillSim sim, Path state, CrashAt at) {
    Predicate<DrillRecord> when =
        switch (at) {
          case SUBMITTED -> r -> r.step() == DrillStep.RESTORING && !r.tasks().isEmpty();
          case RESTORING ->
              r ->
                  r.step() == DrillStep.RESTORING
                      && !r.tasks().isEmpty()
                      && r.tasks().get(0).percentComplete() > 0;
          case VERIFYING -> r -> r.step() == DrillStep.VERIFYING && r.checks().size() == 1;
          case DROPPING -> r -> r.step() == DrillStep.DROPPING && r.dropped() == null;
        };
    DrillRunner doomed = new DrillRunner(sim.context(state, DrillSim.settings(), 11));
    assertThatThrownBy(
            () ->
                doomed.run(
                    plan(
                        "orders-prod",
                        "orders-prod",
                        "Src",
                        List.of(checkdb(), sql("SELECT COUNT_BIG(*) FROM dbo.T", "= 3"))),
                    r -> {
                      if (when.test(r)) {
                        throw new Killed();
                      }
                    }))
        .isInstanceOf(Killed.class);
    return new DrillJournal(state).list().get(0).id();
  }

  static void tamper(
      Path state,
      Path dir,
      String id,
      Tamper tamper,
      String victim,
      long victimTask,
      Long foreignTask)
      throws Exception {
    DrillJournal journal = new DrillJournal(state);
    Path file = journal.dir().resolve(id + ".json");
    // bytes, not text: a generated name may hold a lone surrogate, which no charset decodes back
    byte[] bytes = Files.readAllBytes(file);
    int at =
        indexOf(bytes, "\"record\":".getBytes(StandardCharsets.US_ASCII)) + "\"record\":".length();
    int end = lastIndexOf(bytes, (byte) '}');
    ObjectNode record = (ObjectNode) JSON.readTree(java.util.Arrays.copyOfRange(bytes, at, end));
    switch (tamper) {
      case NONE -> {}
      case HAND_EDIT -> {
        pointAt(record, victim, victimTask);
        ((ObjectNode) record.get("plan")).put("scratchPrefix", "");
        java.io.ByteArrayOutputStream edited = new java.io.ByteArrayOutputStream();
        edited.write(bytes, 0, at);
        edited.write(JSON.writeValueAsBytes(record));
        edited.write('}');
        Files.write(file, edited.toByteArray());
      }
      case FOREIGN_JOURNAL -> {
        pointAt(record, victim, victimTask);
        String foreignId = "20261129T100000Z-f0f0f0f0";
        record.put("id", foreignId);
        DrillJournal other = new DrillJournal(dir.resolve("other-agent"));
        other.begin(JSON.treeToValue(record, DrillRecord.class)).close();
        Files.copy(
            other.dir().resolve(foreignId + ".json"), journal.dir().resolve(foreignId + ".json"));
      }
      case RESEALED_NAME ->
          reseal(journal, id, record.put("scratchName", victim).put("scratchCreated", true));
      case RESEALED_NAME_AND_TASK -> reseal(journal, id, pointAt(record, victim, victimTask));
      case RESEALED_PREFIX_NAME_AND_TASK -> {
        pointAt(record, victim, victimTask);
        ((ObjectNode) record.get("plan")).put("scratchPrefix", victim);
        reseal(journal, id, record);
      }
      case RESEALED_TASK_TO_RUNNING_BACKUP -> {
        ((ObjectNode) record.get("tasks").get(0))
            .put("taskId", foreignTask)
            .put("lifecycle", "IN_PROGRESS");
        ((ObjectNode) record.get("plan")).put("timeoutSeconds", 1);
        record.put("step", "RESTORING").put("outcome", "running");
        reseal(journal, id, record);
      }
    }
  }

  static int indexOf(byte[] in, byte[] what) {
    for (int i = 0; i + what.length <= in.length; i++) {
      if (java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    throw new IllegalStateException("not a sealed journal");
  }

  static int lastIndexOf(byte[] in, byte b) {
    for (int i = in.length - 1; i >= 0; i--) {
      if (in[i] == b) {
        return i;
      }
    }
    throw new IllegalStateException("not a sealed journal");
  }

  static ObjectNode pointAt(ObjectNode record, String victim, long task) {
    ((ObjectNode) record.get("tasks").get(0)).put("taskId", task);
    return record.put("scratchName", victim).put("scratchCreated", true);
  }

  /** What a bug in rdswatch itself would do: write a wrong record through the journal, sealed. */
  static void reseal(DrillJournal journal, String id, ObjectNode record) throws Exception {
    try (DrillLease lease = journal.claim(id).orElseThrow()) {
      lease.save(JSON.treeToValue(record, DrillRecord.class));
    }
  }

  static Map<String, Database> snapshot(DrillSim sim) {
    Map<String, Database> out = new HashMap<>();
    var rds = sim.instance("orders-prod").rds();
    rds.locked(() -> rds.catalog().all()).forEach(d -> out.put(DbNames.key(d.name()), d));
    return out;
  }
}
