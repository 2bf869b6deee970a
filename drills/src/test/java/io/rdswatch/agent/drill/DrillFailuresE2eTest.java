package io.rdswatch.agent.drill;

import static io.rdswatch.agent.drill.sim.DrillSim.checkdb;
import static io.rdswatch.agent.drill.sim.DrillSim.plan;
import static io.rdswatch.agent.drill.sim.DrillSim.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.journal.PrunedTally;
import io.rdswatch.agent.drill.metrics.DrillSummary;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.run.DrillSettings;
import io.rdswatch.agent.drill.run.OrphanScan;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.SimulatedDrillTest;
import io.rdswatch.exporter.metrics.DrillCollector;
import io.rdswatch.simulator.rds.BackupKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drills that restore and fail: KMS, TDE, corruption, a failing check, the timeout. */
class DrillFailuresE2eTest extends SimulatedDrillTest {

  DrillRecord drill(DrillSettings settings, String db, DrillPlan.CheckSpec... checks)
      throws Exception {
    DrillPlan p = plan("orders-prod", "orders-prod", db, List.of(checks));
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
            false,
            p.checks(),
            p.rtoTargetSeconds(),
            settings.timeout().toSeconds(),
            settings.keepOnFailure());
    return run(settings, 3, p, DrillObserver.NONE);
  }

  DrillRecord drill(String db, DrillPlan.CheckSpec... checks) throws Exception {
    return drill(DrillSim.settings(), db, checks);
  }

  void assertNoScratchLeft() throws Exception {
    assertThat(sim.databases("orders-prod")).noneMatch(n -> n.startsWith("rdswatch_drill_"));
  }

  @Test
  void aMissingKmsKeyIsARestoreFailureClassifiedKms() throws Exception {
    sim.backup(
        "orders-prod", "Orders", DrillSim.arn("Orders", "kms"), DrillSim.KMS, BackupKind.FULL, 1);
    sim.instance("orders-prod").rds().removeKmsKey(DrillSim.KMS);

    DrillRecord r = drill("Orders", checkdb());

    assertThat(r.status()).isEqualTo(DrillStatus.RESTORE_FAILED);
    assertThat(r.reasonCode()).isEqualTo("kms");
    assertThat(r.reason()).contains("ended in ERROR").containsIgnoringCase("key");
    assertThat(r.checks()).isEmpty();
    assertNoScratchLeft();
  }

  @Test
  void aTdeBackupWithoutItsCertificateFailsClassifiedTde() throws Exception {
    String thumbprint = sim.instance("orders-prod").rds().catalog().get("Vault").tdeCertificate();
    sim.backup("orders-prod", "Vault");
    sim.instance("orders-prod").rds().removeTdeCertificate(thumbprint);

    DrillRecord r = drill("Vault", checkdb());

    assertThat(r.status()).isEqualTo(DrillStatus.RESTORE_FAILED);
    assertThat(r.reasonCode()).isEqualTo("tde_certificate");
    assertThat(r.reason()).containsIgnoringCase("certificate");
    assertNoScratchLeft();
  }

  @Test
  void aCorruptBackupFailsCheckdbAndTheScratchIsStillDropped() throws Exception {
    String arn = DrillSim.arn("Orders", "full");
    sim.backup("orders-prod", "Orders");
    assertThat(sim.instance("orders-prod").rds().corruptObjects(arn)).isEqualTo(1);

    DrillRecord r =
        drill("Orders", checkdb(), sql("SELECT COUNT_BIG(*) FROM dbo.Orders", ">= 1000"));

    assertThat(r.status()).isEqualTo(DrillStatus.VERIFY_FAILED);
    assertThat(r.reasonCode()).isEqualTo("checkdb_failed");
    assertThat(r.checks().get(0).passed()).isFalse();
    assertThat(r.checks().get(0).error()).contains("Msg 8939", "Msg 8928");
    assertThat(r.checks().get(1).passed()).isTrue();
    assertThat(r.dropped()).isTrue();
    assertThat(sim.calls("rds_drop_database")).hasSize(1);
    assertNoScratchLeft();
  }

  @Test
  void aFailingSqlCheckIsVerifyFailedWithWhatItSaw() throws Exception {
    sim.backup("orders-prod", "Orders");

    DrillRecord r =
        drill(
            "Orders",
            checkdb(),
            sql("SELECT COUNT_BIG(*) FROM dbo.Orders", ">= 100000"),
            sql("SELECT COUNT_BIG(*) FROM dbo.NoSuchTable", null));

    assertThat(r.status()).isEqualTo(DrillStatus.VERIFY_FAILED);
    assertThat(r.reasonCode()).isEqualTo("check_failed");
    assertThat(r.reason()).contains("expected >= 100000, got 1500");
    assertThat(r.checks()).extracting(c -> c.passed()).containsExactly(true, false, false);
    assertThat(r.checks().get(2).error()).contains("NoSuchTable");
    assertNoScratchLeft();
  }

  @Test
  void keepOnFailureKeepsTheScratchOfAFailedDrillOnly() throws Exception {
    sim.backup("orders-prod", "Orders");
    DrillSettings keep =
        new DrillSettings(
            "rdswatch_drill_",
            100,
            1.5,
            Duration.ofSeconds(30),
            Duration.ofHours(6),
            true,
            Duration.ofSeconds(30));

    DrillRecord r = drill(keep, "Orders", sql("SELECT COUNT_BIG(*) FROM dbo.Orders", "= 1"));

    assertThat(r.status()).isEqualTo(DrillStatus.VERIFY_FAILED);
    assertThat(r.dropped()).isFalse();
    assertThat(r.reason()).contains("kept (keepOnFailure)");
    assertThat(sim.databases("orders-prod")).contains(r.scratchName());
    assertThat(sim.calls("rds_drop_database")).isEmpty();
  }

  @Test
  void aKeptScratchIsReportedAsLeftUntilItIsGone() throws Exception {
    sim.backup("orders-prod", "Orders");
    DrillSettings keep =
        new DrillSettings(
            "rdswatch_drill_",
            100,
            1.5,
            Duration.ofSeconds(30),
            Duration.ofHours(6),
            true,
            Duration.ofSeconds(30));
    DrillRecord r = drill(keep, "Orders", sql("SELECT COUNT_BIG(*) FROM dbo.Orders", "= 1"));
    DrillContext ctx = sim.context(state, keep, 4);
    DrillJournal journal = new DrillJournal(state);

    Map<String, OrphanScan.Counts> kept =
        OrphanScan.survey(
            ctx, "rdswatch_drill_", List.of(sim.target("orders-prod")), journal::list);
    CollectorRegistry registry = new CollectorRegistry();
    registry.register(
        new DrillCollector(
            new DrillSummary(
                journal::list,
                PrunedTally::empty,
                () -> Map.of("orders-prod", kept.get("orders-prod").orphans()),
                () -> Map.of("orders-prod", kept.get("orders-prod").left()))));
    try (Connection c = ctx.connections().open(sim.target("orders-prod"));
        PreparedStatement drop = c.prepareStatement("EXEC msdb.dbo.rds_drop_database ?")) {
      drop.setString(1, r.scratchName());
      drop.execute();
    }
    Map<String, OrphanScan.Counts> gone =
        OrphanScan.survey(
            ctx, "rdswatch_drill_", List.of(sim.target("orders-prod")), journal::list);

    assertThat(r.dropped()).isFalse();
    assertThat(kept).containsExactly(Map.entry("orders-prod", new OrphanScan.Counts(0, 1)));
    assertThat(
            registry.getSampleValue(
                "rdswatch_drill_scratch_left",
                new String[] {"rds_instance"},
                new String[] {"orders-prod"}))
        .isEqualTo(1.0);
    assertThat(gone).containsExactly(Map.entry("orders-prod", new OrphanScan.Counts(0, 0)));
  }

  @Test
  void theTimeoutCancelsTheRestoreTaskAndCleansUp() throws Exception {
    sim.backup("orders-prod", "Big");
    DrillSettings quick =
        new DrillSettings(
            "rdswatch_drill_",
            100,
            1.5,
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            false,
            Duration.ofSeconds(30));

    DrillRecord r = drill(quick, "Big", checkdb());

    assertThat(r.status()).isEqualTo(DrillStatus.TIMEOUT);
    assertThat(r.reasonCode()).isEqualTo("timeout");
    assertThat(r.reason()).contains("rds_cancel_task called");
    long taskId = r.tasks().get(0).taskId();
    assertThat(sim.calls("rds_cancel_task"))
        .singleElement()
        .satisfies(c -> assertThat(c.params()).containsExactly(Map.entry("@P0", (int) taskId)));
    assertThat(sim.instance("orders-prod").task((int) taskId).lifecycle().name())
        .isEqualTo("CANCELLED");
    assertThat(r.tasks().get(0).lifecycle()).isEqualTo("CANCELLED");
    assertThat(r.rtoSeconds()).isNull();
    assertNoScratchLeft();
  }

  @Test
  void aCheckStillRunningAtTheTimeoutIsCutOffAndTheScratchDropped() throws Exception {
    sim.backup("orders-prod", "Orders");
    DrillPlan p = plan("orders-prod", "orders-prod", "Orders", List.of(checkdb()));
    var faults = sim.instance("orders-prod").faults();
    DrillObserver slowVerify =
        r -> {
          if (r.step() == DrillStep.VERIFYING && r.checks().isEmpty()) {
            // one second of the drill left, and the instance answers in three
            sim.clock.set(r.startedAt().plusSeconds(p.timeoutSeconds() - 1));
            faults.latency(Duration.ofSeconds(3));
          } else if (!r.checks().isEmpty()) {
            faults.latency(Duration.ZERO);
          }
        };

    DrillRecord r = run(DrillSim.settings(), 3, p, slowVerify);

    assertThat(r.status())
        .as("a timeout never reads as a corrupt backup")
        .isEqualTo(DrillStatus.VERIFY_INTERRUPTED);
    assertThat(r.reasonCode()).isEqualTo("timeout");
    assertThat(r.reason()).contains("during checkdb", "says nothing about the backup");
    assertThat(r.checks()).as("no verdict recorded for the cut-off check").isEmpty();
    assertThat(r.dropped()).isTrue();
    assertNoScratchLeft();
  }
}
