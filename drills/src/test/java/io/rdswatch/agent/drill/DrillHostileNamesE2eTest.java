package io.rdswatch.agent.drill;

import static io.rdswatch.agent.drill.sim.DrillSim.checkdb;
import static io.rdswatch.agent.drill.sim.DrillSim.plan;
import static io.rdswatch.agent.drill.sim.DrillSim.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.run.ScratchNames;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.SimulatedDrillTest;
import io.rdswatch.simulator.rds.DatabaseSpec;
import io.rdswatch.simulator.rds.Tables;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names chosen to break things: in the source database, and in the way of the scratch name. */
class DrillHostileNamesE2eTest extends SimulatedDrillTest {

  static final long SEED = 99;

  DrillRecord drill(String db, DrillObserver observer) throws Exception {
    return run(
        DrillSim.settings(),
        SEED,
        plan(
            "orders-prod",
            "orders-prod",
            db,
            List.of(checkdb(), sql("SELECT COUNT_BIG(*) FROM dbo.T", ">= 3"))),
        observer);
  }

  /** The scratch name the next drill of {@code db} will pick (same seed, same clock). */
  String nextScratchName(String db) {
    return new ScratchNames("rdswatch_drill_", new Random(SEED)).generate(db, sim.clock.now());
  }

  void addWithBackup(String db) {
    sim.instance("orders-prod")
        .addDatabase(DatabaseSpec.of(db, 64).withTables(Tables.of(Map.of("T", 3L))));
    sim.backup("orders-prod", db);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "O'Brien",
        "x]; DROP DATABASE [Orders];--",
        "Bestellungen_ü",
        "日本語のデータ",
        "a b\tc",
        "'' OR 1=1",
        "semi;colon",
        "[bracketed]",
        "emoji😀db"
      })
  void hostileSourceNamesDrillSafely(String db) throws Exception {
    addWithBackup(db);
    List<String> before = sim.databases("orders-prod");

    DrillRecord r = drill(db, DrillObserver.NONE);

    assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(ScratchNames.isValid(r.scratchName())).isTrue();
    assertThat(r.checks()).allMatch(c -> c.passed());
    assertThat(sim.calls()).noneMatch(c -> c.sql().contains(db));
    assertThat(sim.calls()).filteredOn(c -> c.params().containsValue(db)).isNotEmpty();
    assertThat(sim.databases("orders-prod")).containsExactlyInAnyOrderElementsOf(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"exact", "upper", "lower", "accent"})
  void aProductionDatabaseNamedLikeTheScratchNameIsNeverTouched(String variant) throws Exception {
    addWithBackup("Orders2");
    String scratch = nextScratchName("Orders2");
    String prod =
        switch (variant) {
          case "upper" -> scratch.toUpperCase();
          case "lower" -> scratch.toLowerCase();
          case "accent" -> scratch.replaceFirst("a", "á");
          default -> scratch;
        };
    sim.instance("orders-prod").addDatabase(DatabaseSpec.of(prod, 64));
    int id = sim.instance("orders-prod").rds().catalog().get(prod).id();

    DrillRecord r = drill("Orders2", DrillObserver.NONE);

    assertThat(r.status()).isEqualTo(DrillStatus.SKIPPED);
    assertThat(r.reasonCode()).isEqualTo("name_taken");
    assertThat(sim.calls())
        .noneMatch(c -> c.calls("rds_restore_database") || c.calls("rds_drop_database"));
    assertThat(sim.instance("orders-prod").rds().catalog().get(prod).id()).isEqualTo(id);
  }

  @Test
  void aDatabaseThatAppearsBetweenPreflightAndSubmitIsNotDropped() throws Exception {
    addWithBackup("Orders2");
    DrillObserver interloper =
        r -> {
          if (r.step() == DrillStep.SUBMITTING
              && sim.instance("orders-prod").rds().catalog().get(r.scratchName()) == null) {
            sim.instance("orders-prod")
                .addDatabase(DatabaseSpec.of(r.scratchName().toUpperCase(), 64));
          }
        };

    DrillRecord r = drill("Orders2", interloper);

    assertThat(r.status()).isEqualTo(DrillStatus.RESTORE_FAILED);
    assertThat(r.reasonCode()).isEqualTo("db_exists");
    assertThat(r.scratchCreated()).isFalse();
    assertThat(sim.calls("rds_drop_database")).isEmpty();
    assertThat(sim.databases("orders-prod")).contains(r.scratchName().toUpperCase());
  }

  @Test
  void aDatabaseThatAppearsAfterSubmitBeforeTheRestoreStartsIsNotDropped() throws Exception {
    addWithBackup("Orders2");
    int[] interloper = {-1};
    DrillObserver appears =
        r -> {
          if (r.step() == DrillStep.RESTORING && interloper[0] < 0) {
            interloper[0] =
                sim.instance("orders-prod").addDatabase(DatabaseSpec.of(r.scratchName(), 64)).id();
          }
        };

    DrillRecord r = drill("Orders2", appears);

    assertThat(r.status()).isEqualTo(DrillStatus.RESTORE_FAILED);
    assertThat(r.reasonCode()).isEqualTo("db_exists");
    assertThat(sim.calls("rds_restore_database")).hasSize(1);
    assertThat(sim.calls("rds_drop_database")).isEmpty();
    assertThat(sim.instance("orders-prod").rds().catalog().get(r.scratchName()).id())
        .isEqualTo(interloper[0]);
  }

  /**
   * Not relying on how the failure is classified: an ONLINE database after a failed restore is not
   * ours.
   */
  @Test
  void anOnlineDatabaseUnderTheNameAfterAFailedRestoreIsNotDropped() throws Exception {
    sim.instance("orders-prod")
        .addDatabase(DatabaseSpec.of("Orders2", 64).withTables(Tables.of(Map.of("T", 3L))));
    sim.backup(
        "orders-prod",
        "Orders2",
        DrillSim.arn("Orders2", "kms"),
        DrillSim.KMS,
        io.rdswatch.simulator.rds.BackupKind.FULL,
        1);
    sim.instance("orders-prod").rds().removeKmsKey(DrillSim.KMS);
    int[] interloper = {-1};
    DrillObserver appears =
        r -> {
          if (!r.tasks().isEmpty()
              && r.tasks().get(0).lifecycle().equals("ERROR")
              && interloper[0] < 0) {
            interloper[0] =
                sim.instance("orders-prod").addDatabase(DatabaseSpec.of(r.scratchName(), 64)).id();
          }
        };

    DrillRecord r = drill("Orders2", appears);

    assertThat(r.status()).isEqualTo(DrillStatus.RESTORE_FAILED);
    assertThat(r.reasonCode()).isEqualTo("kms");
    assertThat(r.reason()).contains("is ONLINE although this drill's restore did not succeed");
    assertThat(r.scratchCreated()).isFalse();
    assertThat(sim.calls("rds_drop_database")).isEmpty();
    assertThat(sim.instance("orders-prod").rds().catalog().get(r.scratchName()).id())
        .isEqualTo(interloper[0]);
  }
}
