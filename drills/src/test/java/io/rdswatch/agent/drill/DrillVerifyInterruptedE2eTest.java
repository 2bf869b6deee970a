package io.rdswatch.agent.drill;

import static io.rdswatch.agent.drill.sim.DrillSim.checkdb;
import static io.rdswatch.agent.drill.sim.DrillSim.plan;
import static io.rdswatch.agent.drill.sim.DrillSim.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.metrics.DrillSummary;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.SimulatedDrillTest;
import io.rdswatch.exporter.metrics.DrillCollector;
import io.rdswatch.simulator.rds.CheckdbFault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verification cut short by the simulator (connection cut, failover, permission error 7983, a
 * CHECKDB that hangs past the timeout): the drill is verify_interrupted, never checkdb_failed, it
 * is retried after a lost connection, and the scratch database is dropped in every case.
 */
class DrillVerifyInterruptedE2eTest extends SimulatedDrillTest {

  private DrillRecord drill() throws Exception {
    sim.backup("orders-prod", "Orders");
    return run(
        DrillSim.settings(),
        3,
        plan(
            "orders-prod",
            "orders-prod",
            "Orders",
            List.of(checkdb(), sql("SELECT COUNT_BIG(*) FROM dbo.Orders", "= 1500"))),
        DrillObserver.NONE);
  }

  private void assertDropped(DrillRecord r) throws Exception {
    assertThat(r.dropped()).isTrue();
    assertThat(sim.calls("rds_drop_database")).hasSize(1);
    assertThat(sim.databases("orders-prod")).noneMatch(n -> n.startsWith("rdswatch_drill_"));
  }

  @Test
  void aPermissionErrorDuringCheckdbIsVerifyInterruptedNotCorruption() throws Exception {
    sim.instance("orders-prod").faults().checkdb(CheckdbFault.PERMISSION, -1);

    DrillRecord r = drill();

    assertThat(r.status()).isEqualTo(DrillStatus.VERIFY_INTERRUPTED);
    assertThat(r.reasonCode()).isEqualTo("permission");
    assertThat(r.reason()).contains("during checkdb", "7983", "says nothing about the backup");
    assertThat(r.checks()).as("no check verdict: the remaining checks did not run").isEmpty();
    assertDropped(r);
  }

  @Test
  void aConnectionLostOnceIsRetriedAndTheDrillSucceeds() throws Exception {
    sim.instance("orders-prod").faults().checkdb(CheckdbFault.DISCONNECT, 1);

    DrillRecord r = drill();

    assertThat(r.status()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(r.checks())
        .extracting(c -> c.kind() + ":" + c.passed())
        .containsExactly("checkdb:true", "sql:true");
    assertDropped(r);
  }

  @Test
  void aConnectionLostTwiceIsReportedAsVerifyInterruptedAndTheScratchStillDropped()
      throws Exception {
    sim.instance("orders-prod").faults().checkdb(CheckdbFault.DISCONNECT, -1);

    DrillRecord r = drill();

    assertThat(r.status()).isEqualTo(DrillStatus.VERIFY_INTERRUPTED);
    assertThat(r.reasonCode()).isEqualTo("connection_lost");
    assertThat(r.reason()).contains("after 2 attempts");
    assertDropped(r);
  }

  @Test
  void aFailoverDuringCheckdbIsVerifyInterruptedNotCorruption() throws Exception {
    sim.instance("orders-prod").faults().checkdb(CheckdbFault.FAILOVER, -1);

    DrillRecord r = drill();

    assertThat(r.status()).isEqualTo(DrillStatus.VERIFY_INTERRUPTED);
    assertThat(r.reasonCode()).isEqualTo("connection_lost");
    assertThat(r.checks()).as("no check verdict").isEmpty();
    assertDropped(r);
  }

  @Test
  void aCorruptBackupUnderAnInterruptionIsNotCalledCorruptButACleanRetryFindsIt() throws Exception {
    sim.backup("orders-prod", "Orders");
    sim.instance("orders-prod").rds().corruptObjects(DrillSim.arn("Orders", "full"));
    sim.instance("orders-prod").faults().checkdb(CheckdbFault.DISCONNECT, 1);

    DrillRecord r =
        run(
            DrillSim.settings(),
            3,
            plan("orders-prod", "orders-prod", "Orders", List.of(checkdb())),
            DrillObserver.NONE);

    assertThat(r.status()).isEqualTo(DrillStatus.VERIFY_FAILED);
    assertThat(r.reasonCode()).isEqualTo("checkdb_failed");
    assertThat(r.checks())
        .singleElement()
        .satisfies(c -> assertThat(c.error()).contains("Msg 8939"));
    assertDropped(r);
  }

  @Test
  void anInterruptedDrillDoesNotTurnTheLastResultIntoAFailure() throws Exception {
    sim.backup("orders-prod", "Orders");
    DrillRecord ok =
        run(
            DrillSim.settings(),
            3,
            plan("orders-prod", "orders-prod", "Orders", List.of(checkdb())),
            DrillObserver.NONE);
    sim.instance("orders-prod").faults().checkdb(CheckdbFault.PERMISSION, -1);
    DrillRecord cut =
        run(
            DrillSim.settings(),
            4,
            plan("orders-prod", "orders-prod", "Orders", List.of(checkdb())),
            DrillObserver.NONE);
    assertThat(ok.status()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(cut.status()).isEqualTo(DrillStatus.VERIFY_INTERRUPTED);

    CollectorRegistry registry = new CollectorRegistry();
    registry.register(new DrillCollector(new DrillSummary(() -> List.of(ok, cut), Map::of)));
    String[] key = {"rds_instance", "database", "drill"};
    String[] labels = {"orders-prod", "Orders", "test"};
    assertThat(registry.getSampleValue("rdswatch_drill_last_result", key, labels)).isEqualTo(1.0);
    assertThat(
            registry.getSampleValue(
                "rdswatch_drill_runs_total",
                new String[] {"result"},
                new String[] {"verify_interrupted"}))
        .isEqualTo(1.0);
  }
}
