package io.rdswatch.agent.drill;

import static io.rdswatch.agent.drill.sim.DrillSim.checkdb;
import static io.rdswatch.agent.drill.sim.DrillSim.plan;
import static io.rdswatch.agent.drill.sim.DrillSim.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.run.DbNames;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.run.ScratchNames;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.RecordingBackend.Call;
import io.rdswatch.simulator.rds.Database;
import io.rdswatch.simulator.rds.DatabaseSpec;
import io.rdswatch.simulator.rds.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever databases already exist (hostile names, names equal to the scratch name up to case or
 * accents, one appearing between preflight and submit) and whatever the backup is like, a drill
 * never restores over, drops or replaces a database it did not create, and leaves no scratch
 * database of its own behind. This covers drills run from start to end; what a crashed drill's
 * journal can make recovery do is {@link DrillTamperedJournalPropertyTest}'s part.
 */
class DrillOwnershipPropertyTest {

  static final long SEED = 5;

  enum Collision {
    NONE,
    EXACT,
    UPPER,
    ACCENT,
    APPEARS_BEFORE_SUBMIT
  }

  @Provide
  Arbitrary<List<String>> bystanders() {
    return Arbitraries.strings()
        .withChars("aAbZ_'\";[]- ü日😀0")
        .ofMinLength(1)
        .ofMaxLength(20)
        .filter(s -> !s.isBlank())
        .list()
        .ofMaxSize(4);
  }

  @Property(tries = 60)
  void aDrillOnlyEverDropsWhatItCreated(
      @ForAll("bystanders") List<String> bystanders,
      @ForAll Collision collision,
      @ForAll boolean corrupt,
      @ForAll @IntRange(min = 0, max = 2) int extraBystandersNamedLikeScratch)
      throws Exception {
    Path state = Files.createTempDirectory("drill-prop");
    try (DrillSim sim = new DrillSim(Instant.parse("2026-11-29T10:00:00Z"))) {
      var rds = sim.instance("orders-prod");
      rds.addDatabase(DatabaseSpec.of("Src", 64).withTables(Tables.of(Map.of("T", 3L))));
      sim.backup("orders-prod", "Src");
      if (corrupt) {
        rds.rds().corruptObjects(DrillSim.arn("Src", "full"));
      }
      Set<String> taken = new HashSet<>();
      rds.rds().catalog().all().forEach(d -> taken.add(DbNames.key(d.name())));
      List<String> others = new ArrayList<>(bystanders);
      String scratch =
          new ScratchNames("rdswatch_drill_", new Random(SEED)).generate("Src", sim.clock.now());
      switch (collision) {
        case EXACT -> others.add(scratch);
        case UPPER -> others.add(scratch.toUpperCase());
        case ACCENT -> others.add(scratch.replaceFirst("a", "à"));
        default -> {}
      }
      for (int i = 0; i < extraBystandersNamedLikeScratch; i++) {
        others.add("rdswatch_drill_Src_20261129100000_x" + i + "yz");
      }
      for (String name : others) {
        if (taken.add(DbNames.key(name))) {
          rds.addDatabase(DatabaseSpec.of(name, 8));
        }
      }
      DrillObserver adversary =
          r -> {
            if (collision == Collision.APPEARS_BEFORE_SUBMIT
                && r.step() == DrillStep.SUBMITTING
                && rds.rds().catalog().get(r.scratchName()) == null) {
              rds.addDatabase(DatabaseSpec.of(r.scratchName(), 8));
            }
          };
      Map<String, Database> before = snapshot(sim);

      DrillRecord r =
          new DrillRunner(sim.context(state, DrillSim.settings(), SEED))
              .run(
                  plan(
                      "orders-prod",
                      "orders-prod",
                      "Src",
                      List.of(checkdb(), sql("SELECT COUNT_BIG(*) FROM dbo.T", "= 3"))),
                  adversary);

      assertThat(r.isFinished()).isTrue();
      Statistics.collect(collision, r.status());
      Map<String, Database> after = snapshot(sim);
      // every database that was not this drill's own is still there, and is still the same database
      Map<String, Database> notOurs = new HashMap<>(after);
      before.forEach(
          (key, db) -> {
            assertThat(after).as("%s still exists", db.name()).containsKey(key);
            assertThat(after.get(key).id()).as("%s was not replaced", db.name()).isEqualTo(db.id());
          });
      List<Call> restores = sim.calls("rds_restore_database");
      List<Call> drops = sim.calls("rds_drop_database");
      for (Call restore : restores) {
        String target = (String) restore.params().get("@P0");
        assertThat(before)
            .as("restore target %s existed before the drill", target)
            .doesNotContainKey(DbNames.key(target));
        assertThat(target).startsWith("rdswatch_drill_");
      }
      for (Call drop : drops) {
        String name = (String) drop.params().get("@P0");
        assertThat(restores)
            .as("%s was restored by this drill", name)
            .anyMatch(c -> name.equals(c.params().get("@P0")));
        assertThat(r.scratchCreated()).isTrue();
        assertThat(before).doesNotContainKey(DbNames.key(name));
      }
      // nothing of the drill's own is left behind
      notOurs.keySet().removeAll(before.keySet());
      if (collision == Collision.APPEARS_BEFORE_SUBMIT) {
        assertThat(notOurs.remove(DbNames.key(r.scratchName())))
            .as("the interloper survives")
            .isNotNull();
      }
      assertThat(notOurs).as("left behind by status %s (%s)", r.status(), r.reason()).isEmpty();
    } finally {
      try (Stream<Path> files = Files.walk(state)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Map<String, Database> snapshot(DrillSim sim) {
    Map<String, Database> out = new HashMap<>();
    sim.instance("orders-prod")
        .rds()
        .locked(() -> sim.instance("orders-prod").rds().catalog().all())
        .forEach(d -> out.put(DbNames.key(d.name()), d));
    return out;
  }
}
