package io.rdswatch.agent.drill;

import static io.rdswatch.agent.drill.sim.DrillSim.checkdb;
import static io.rdswatch.agent.drill.sim.DrillSim.plan;
import static io.rdswatch.agent.drill.sim.DrillSim.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.RecordingBackend.Call;
import io.rdswatch.agent.drill.sim.SimulatedDrillTest;
import io.rdswatch.simulator.rds.BackupKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrillRunnerE2eTest extends SimulatedDrillTest {

  DrillRecord drill(String db, DrillPlan.CheckSpec... checks) throws Exception {
    return run(
        DrillSim.settings(),
        1,
        plan("orders-prod", "orders-prod", db, List.of(checks)),
        DrillObserver.NONE);
  }

  @Test
  void successRestoresVerifiesAndDropsWithExactParameters() throws Exception {
    String arn = DrillSim.arn("Orders", "full");
    var backup = sim.backup("orders-prod", "Orders", arn, DrillSim.KMS, BackupKind.FULL, 1);

    java.time.Instant started = sim.clock.now();
    DrillRecord r =
        drill("Orders", checkdb(), sql("SELECT COUNT_BIG(*) FROM dbo.Orders", ">= 1000"));

    assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(r.reason()).isNull();
    String scratch = r.scratchName();
    assertThat(scratch).matches("rdswatch_drill_Orders_\\d{14}_[a-z0-9]{4}");
    assertThat(r.source().s3Arn()).isEqualTo(arn);
    assertThat(r.source().kmsKeyArn()).isEqualTo(DrillSim.KMS);
    assertThat(r.source().backupTaskId()).isEqualTo((long) backup.taskId());
    assertThat(r.checks())
        .extracting(c -> c.kind() + ":" + c.passed() + ":" + c.observed())
        .containsExactly("checkdb:true:null", "sql:true:1500");
    assertThat(r.tasks()).hasSize(1);
    assertThat(r.tasks().get(0).lifecycle()).isEqualTo("SUCCESS");
    assertThat(r.tasks().get(0).queueWaitSeconds()).isPositive();
    assertThat(r.tasks().get(0).durationSeconds()).isPositive();
    assertThat(r.rtoSeconds())
        .isEqualTo(r.tasks().get(0).queueWaitSeconds() + r.tasks().get(0).durationSeconds());
    assertThat(r.rtoMet()).isTrue();
    assertThat(r.dropped()).isTrue();
    // the report's times, in the order they happened
    assertThat(r.source().backupTime()).isEqualTo(backup.lastUpdated());
    assertThat(r.startedAt()).isEqualTo(started);
    assertThat(
            List.of(
                r.startedAt(),
                r.restoreSubmittedAt(),
                r.tasks().get(0).startedAt(),
                r.restoreFinishedAt(),
                r.verifyStartedAt(),
                r.verifyFinishedAt(),
                r.finishedAt()))
        .doesNotContainNull()
        .isSorted();
    assertThat(r.restoreSubmittedAt()).isBefore(r.tasks().get(0).startedAt());
    assertThat(r.verifyStartedAt()).isAfterOrEqualTo(r.restoreFinishedAt());

    List<Call> restores = sim.calls("rds_restore_database");
    assertThat(restores).hasSize(1);
    assertThat(restores.get(0).params())
        .containsExactly(
            Map.entry("@P0", scratch),
            Map.entry("@P1", arn),
            Map.entry("@P2", 0),
            Map.entry("@P3", "FULL"),
            Map.entry("@P4", DrillSim.KMS));
    assertThat(restores.get(0).sql())
        .contains(
            "@restore_db_name = @P0",
            "@s3_arn_to_restore_from = @P1",
            "@with_norecovery = @P2",
            "@type = @P3",
            "@kms_master_key_arn = @P4");
    List<Call> drops = sim.calls("rds_drop_database");
    assertThat(drops)
        .singleElement()
        .satisfies(c -> assertThat(c.params()).containsExactly(Map.entry("@P0", scratch)));
    assertThat(sim.calls())
        .noneMatch(
            c ->
                c.sql().contains(scratch)
                    && !c.sql().startsWith("DBCC")
                    && !c.sql().toLowerCase().startsWith("use "));

    assertThat(sim.databases("orders-prod")).doesNotContain(scratch).contains("Orders");
    var task =
        sim.instance("orders-prod").tasks().stream()
            .filter(t -> scratch.equals(t.databaseName()))
            .findFirst()
            .orElseThrow();
    assertThat(task.taskType()).isEqualTo("RESTORE_DB");
    assertThat(task.s3ObjectArn()).isEqualTo(arn);
    assertThat(task.kmsMasterKeyArn()).isEqualTo(DrillSim.KMS);
  }
}
