package io.rdswatch.agent.drill;

import static io.rdswatch.agent.drill.sim.DrillSim.checkdb;
import static io.rdswatch.agent.drill.sim.DrillSim.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.run.DrillSettings;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.SimulatedDrillTest;
import io.rdswatch.simulator.rds.BackupKind;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.rds.S3Object;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Preflight refusals (skipped, nothing changed) and the restore variants it prepares. */
class DrillPreflightE2eTest extends SimulatedDrillTest {

  DrillRecord drill(DrillSettings settings, DrillPlan plan) throws Exception {
    return run(settings, 5, plan, DrillObserver.NONE);
  }

  DrillRecord drill(String db) throws Exception {
    return drill(DrillSim.settings(), plan("orders-prod", "orders-prod", db, List.of(checkdb())));
  }

  /** Skipped means: recorded with its reason, and not one write reached the instance. */
  void assertSkippedUntouched(DrillRecord r, String code, String reasonPart) throws Exception {
    assertThat(r.status()).isEqualTo(DrillStatus.SKIPPED);
    assertThat(r.reasonCode()).isEqualTo(code);
    assertThat(r.reason()).contains(reasonPart);
    assertThat(r.isFinished()).isTrue();
    assertThat(sim.calls())
        .noneMatch(
            c ->
                c.calls("rds_restore_database")
                    || c.calls("rds_drop_database")
                    || c.calls("rds_cancel_task"));
    assertThat(sim.databases("orders-prod")).noneMatch(n -> n.startsWith("rdswatch_drill_"));
  }

  @Test
  void twoBusySlotsSkip() throws Exception {
    sim.backup("orders-prod", "Orders");
    sim.instance("orders-prod").backup(BackupRequest.full("Big", DrillSim.arn("Big", "a")));
    sim.instance("orders-prod").backup(BackupRequest.full("Sales", DrillSim.arn("Sales", "b")));

    assertSkippedUntouched(
        drill("Orders"),
        "slots_busy",
        "2 backup, restore or S3-integration tasks are not finished on orders-prod");
  }

  @Test
  void s3IntegrationTasksTakeTheSameSlots() throws Exception {
    sim.backup("orders-prod", "Orders");
    var transfers = sim.instance("orders-prod").rds().transfers();
    transfers.download(DrillSim.arn("Orders", "seed-data"), "D:\\S3\\seed.csv", true);
    transfers.upload("D:\\S3\\export.csv", DrillSim.arn("Orders", "export"), false);

    assertSkippedUntouched(
        drill("Orders"),
        "slots_busy",
        "2 backup, restore or S3-integration tasks are not finished on orders-prod");
  }

  @Test
  void listingAndDeletingFilesOnDiskTakeTheSameSlots() throws Exception {
    sim.backup("orders-prod", "Orders");
    try (java.sql.Connection c = sim.connect("orders-prod");
        java.sql.Statement s = c.createStatement()) {
      s.execute("exec msdb.dbo.rds_gather_file_details");
      s.execute("exec msdb.dbo.rds_delete_from_filesystem @rds_file_path='D:\\S3\\seed.csv'");
    }

    assertSkippedUntouched(
        drill("Orders"),
        "slots_busy",
        "2 backup, restore or S3-integration tasks are not finished on orders-prod");
  }

  @Test
  void insideTheBackupWindowSkips() throws Exception {
    sim.backup("orders-prod", "Orders");
    sim.clock.set(Instant.parse("2026-11-30T03:10:00Z"));

    assertSkippedUntouched(
        drill("Orders"), "backup_window", "inside its backup window 03:00-03:30 UTC");
  }

  @Test
  void noRoomOnTheVolumeSkips() throws Exception {
    sim.backup("orders-prod", "Orders");
    sim.instance("orders-prod").rds().freeBytes(1L << 30);

    assertSkippedUntouched(drill("Orders"), "insufficient_space", "1073741824 allocated x 1.50");
  }

  @Test
  void theDatabaseLimitSkips() throws Exception {
    sim.backup("orders-prod", "Orders");
    DrillSettings four =
        new DrillSettings(
            "rdswatch_drill_",
            4,
            1.5,
            Duration.ofSeconds(30),
            Duration.ofHours(6),
            false,
            Duration.ofSeconds(30));

    assertSkippedUntouched(
        drill(four, plan("orders-prod", "orders-prod", "Orders", List.of(checkdb()))),
        "too_many_databases",
        "has 4 user databases");
  }

  @Test
  void noBackupSkips() throws Exception {
    assertSkippedUntouched(
        drill("Sales"), "no_backup", "no successful full backup (BACKUP_DB) of 'Sales'");
  }

  @Test
  void anUnreachableTargetSkips() throws Exception {
    sim.backup("orders-prod", "Orders");
    sim.instance("orders-prod").faults().loginFailure(true);

    DrillRecord r = drill("Orders");

    assertThat(r.status()).isEqualTo(DrillStatus.SKIPPED);
    assertThat(r.reasonCode()).isEqualTo("unreachable");
    assertThat(r.reason()).contains("Login failed");
  }

  @Test
  void aMultiFileBackupIsRestoredFromItsStarPrefix() throws Exception {
    String arn = "arn:aws:s3:::" + DrillSim.BUCKET + "/Orders/striped*.bak";
    sim.backup("orders-prod", "Orders", arn, null, BackupKind.FULL, 4);

    DrillRecord r = drill("Orders");

    assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(r.source().s3Arn())
        .isEqualTo("arn:aws:s3:::" + DrillSim.BUCKET + "/Orders/striped*");
    assertThat(sim.calls("rds_restore_database").get(0).params())
        .containsEntry("@P1", r.source().s3Arn());
  }

  @Test
  void theLatestDifferentialIsRestoredAfterTheFullWithNorecovery() throws Exception {
    String full = DrillSim.arn("Orders", "full");
    String diff = DrillSim.arn("Orders", "diff");
    sim.backup("orders-prod", "Orders", full, null, BackupKind.FULL, 1);
    sim.backup("orders-prod", "Orders", diff, null, BackupKind.DIFFERENTIAL, 1);
    DrillPlan p = plan("orders-prod", "orders-prod", "Orders", List.of(checkdb()));
    p =
        new DrillPlan(
            p.drill(),
            p.trigger(),
            p.sourceInstance(),
            p.targetInstance(),
            p.database(),
            p.scratchPrefix(),
            null,
            null,
            null,
            true,
            p.checks(),
            p.rtoTargetSeconds(),
            p.timeoutSeconds(),
            false);

    DrillRecord r = drill(DrillSim.settings(), p);

    assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(r.source().differentialArn()).isEqualTo(diff);
    var restores = sim.calls("rds_restore_database");
    assertThat(restores).hasSize(2);
    assertThat(restores.get(0).params())
        .containsExactly(
            Map.entry("@P0", r.scratchName()),
            Map.entry("@P1", full),
            Map.entry("@P2", 1),
            Map.entry("@P3", "FULL"));
    assertThat(restores.get(1).params())
        .containsExactly(
            Map.entry("@P0", r.scratchName()),
            Map.entry("@P1", diff),
            Map.entry("@P2", 0),
            Map.entry("@P3", "DIFFERENTIAL"));
    assertThat(r.tasks()).extracting(t -> t.type()).containsExactly("FULL", "DIFFERENTIAL");
    assertThat(r.rtoSeconds()).isGreaterThan(r.tasks().get(0).durationSeconds());
  }

  @Test
  void aConfiguredS3ArnAndKmsKeyAreRestoredAsGiven() throws Exception {
    String arn = DrillSim.arn("Orders", "pinned");
    sim.backup("orders-prod", "Orders", arn, DrillSim.KMS, BackupKind.FULL, 1);
    sim.backup("orders-prod", "Orders"); // a later backup: the configured ARN still wins
    DrillPlan p = plan("orders-prod", "orders-prod", "Orders", List.of(checkdb()));
    p =
        new DrillPlan(
            p.drill(),
            p.trigger(),
            p.sourceInstance(),
            p.targetInstance(),
            p.database(),
            p.scratchPrefix(),
            null,
            arn,
            DrillSim.KMS,
            false,
            p.checks(),
            p.rtoTargetSeconds(),
            p.timeoutSeconds(),
            false);

    DrillRecord r = drill(DrillSim.settings(), p);

    assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(r.source().s3Arn()).isEqualTo(arn);
    assertThat(r.source().backupTaskId()).isNull();
    assertThat(sim.calls("rds_restore_database"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.params())
                    .containsExactly(
                        Map.entry("@P0", r.scratchName()),
                        Map.entry("@P1", arn),
                        Map.entry("@P2", 0),
                        Map.entry("@P3", "FULL"),
                        Map.entry("@P4", DrillSim.KMS)));
  }

  @Test
  void aDedicatedDrillInstanceRestoresTheSourcesBackup() throws Exception {
    String arn = DrillSim.arn("Orders", "full");
    sim.backup("orders-prod", "Orders");
    // the simulator keeps S3 per instance; a real bucket is shared, so copy the object across
    S3Object o =
        sim.instance("orders-prod").rds().s3().bucket(DrillSim.BUCKET).get("Orders/full.bak");
    sim.instance("drill-box").rds().putObject(o);

    DrillRecord r =
        drill(DrillSim.settings(), plan("orders-prod", "drill-box", "Orders", List.of(checkdb())));

    assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(sim.calls("rds_restore_database"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.instance()).isEqualTo("drill-box");
              assertThat(c.params()).containsEntry("@P1", arn);
            });
    assertThat(sim.calls())
        .filteredOn(c -> c.instance().equals("orders-prod"))
        .noneMatch(
            c ->
                c.calls("rds_restore_database")
                    || c.calls("rds_drop_database")
                    || c.calls("sp_getapplock"));
    assertThat(sim.databases("drill-box")).noneMatch(n -> n.startsWith("rdswatch_drill_"));
  }
}
