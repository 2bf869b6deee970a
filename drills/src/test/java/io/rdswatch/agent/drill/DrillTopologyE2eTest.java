package io.rdswatch.agent.drill;

import static io.rdswatch.agent.drill.sim.DrillSim.checkdb;
import static io.rdswatch.agent.drill.sim.DrillSim.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.SimulatedDrillTest;
import io.rdswatch.agent.instance.DrillLogin;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.agent.instance.Topology;
import io.rdswatch.simulator.rds.Login;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Drills onto real topologies: read replicas, instances with cross-region replicas and Multi-AZ
 * targets are refused in preflight, each with its own reason; and a drill logs in with the target's
 * own drill login, not the read-only monitoring login.
 */
class DrillTopologyE2eTest extends SimulatedDrillTest {

  private static InstanceTarget with(InstanceTarget t, Topology topology) {
    return new InstanceTarget(
        t.name(),
        t.host(),
        t.port(),
        t.username(),
        t.password(),
        t.jdbcProperties(),
        t.labels(),
        t.backupWindow(),
        t.origin(),
        topology,
        t.drillLogin());
  }

  private DrillRecord drill(String source, String target) throws Exception {
    return run(
        DrillSim.settings(),
        5,
        plan(source, target, "Orders", List.of(checkdb())),
        DrillObserver.NONE);
  }

  private void assertSkippedUntouched(DrillRecord r, String code, String reasonPart)
      throws Exception {
    assertThat(r.status()).isEqualTo(DrillStatus.SKIPPED);
    assertThat(r.reasonCode()).isEqualTo(code);
    assertThat(r.reason()).contains(reasonPart);
    assertThat(sim.calls())
        .noneMatch(c -> c.calls("rds_restore_database") || c.calls("rds_drop_database"));
  }

  @Test
  void aReadReplicaTargetIsRefusedBeforeAnyConnection() throws Exception {
    sim.backup("orders-prod", "Orders");
    sim.adjust("drill-box", t -> with(t, new Topology(false, "orders-prod", false)));

    DrillRecord r = drill("orders-prod", "drill-box");

    assertSkippedUntouched(r, "target_read_replica", "drill-box is a read replica of orders-prod");
    assertThat(sim.calls())
        .as("not even the drill lock was asked of the replica")
        .noneMatch(c -> c.instance().equals("drill-box"));
  }

  @Test
  void aTargetWithCrossRegionReplicasIsRefused() throws Exception {
    sim.backup("orders-prod", "Orders");
    sim.adjust("orders-prod", t -> with(t, new Topology(true, null, true)));

    assertSkippedUntouched(
        drill("orders-prod", "orders-prod"),
        "target_cross_region_replicas",
        "has cross-region read replicas");
  }

  @Test
  void aMultiAzTargetIsRefusedWhenTheSourceDatabaseIsNotInFullRecovery() throws Exception {
    sim.close();
    sim =
        new DrillSim(
            SUNDAY,
            DrillSim.SCENARIO.replace(
                "{name: Sales, size_mb: 512,",
                "{name: Sales, size_mb: 512, recovery_model: SIMPLE,"));
    sim.backup("orders-prod", "Sales");
    sim.adjust("drill-box", t -> with(t, new Topology(true, null, false)));

    DrillRecord r =
        run(
            DrillSim.settings(),
            5,
            plan("orders-prod", "drill-box", "Sales", List.of(checkdb())),
            DrillObserver.NONE);

    assertSkippedUntouched(
        r,
        "multi_az_needs_full_recovery",
        "drill-box is Multi-AZ, which restores only backups taken in the FULL recovery model, and 'Sales' on"
            + " orders-prod is in SIMPLE recovery");
  }

  @Test
  void aMultiAzTargetTakesAFullRecoveryDatabase() throws Exception {
    sim.backup("orders-prod", "Orders");
    // the simulator keeps S3 per instance; a real bucket is shared, so copy the object across
    sim.instance("drill-box")
        .rds()
        .putObject(
            sim.instance("orders-prod").rds().s3().bucket(DrillSim.BUCKET).get("Orders/full.bak"));
    sim.adjust("drill-box", t -> with(t, new Topology(true, null, false)));

    assertThat(drill("orders-prod", "drill-box").status()).isEqualTo(DrillStatus.SUCCESS);
  }

  @Test
  void theDrillUsesTheTargetsDrillLoginNotTheMonitoringLogin() throws Exception {
    sim.backup("orders-prod", "Orders");
    // the monitoring login may only read the task table, as the README advises
    sim.instance("orders-prod")
        .rds()
        .addLogin(new Login("monitor", "Mon-1tor-pw", false, Set.of("rds_task_status")));
    sim.adjust(
        "orders-prod",
        t ->
            new InstanceTarget(
                t.name(),
                t.host(),
                t.port(),
                "monitor",
                PasswordSource.literal("Mon-1tor-pw"),
                t.jdbcProperties(),
                t.labels(),
                t.backupWindow(),
                t.origin()));
    DrillRecord withMonitoringLogin = drill("orders-prod", "orders-prod");

    sim.adjust(
        "orders-prod",
        t ->
            new InstanceTarget(
                t.name(),
                t.host(),
                t.port(),
                "monitor",
                PasswordSource.literal("Mon-1tor-pw"),
                t.jdbcProperties(),
                t.labels(),
                t.backupWindow(),
                t.origin(),
                Topology.SINGLE_AZ,
                new DrillLogin("admin", PasswordSource.literal("admin"))));
    DrillRecord withDrillLogin = drill("orders-prod", "orders-prod");

    assertThat(withMonitoringLogin.status()).isEqualTo(DrillStatus.RESTORE_FAILED);
    assertThat(withMonitoringLogin.reasonCode()).isEqualTo("permission");
    assertThat(withMonitoringLogin.reason())
        .contains("EXECUTE permission was denied on the object 'rds_restore_database'");
    assertThat(withDrillLogin.status()).as(withDrillLogin.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(withDrillLogin.dropped()).isTrue();
  }
}
