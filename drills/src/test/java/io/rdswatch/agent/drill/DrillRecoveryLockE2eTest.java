package io.rdswatch.agent.drill;

import static io.rdswatch.agent.drill.sim.DrillSim.checkdb;
import static io.rdswatch.agent.drill.sim.DrillSim.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.run.Pacer;
import io.rdswatch.agent.drill.run.Recovery;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.SimulatedDrillTest;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recovery holds the instance drill lock that drills take (sp_getapplock 'rdswatch_drill'), so a
 * drill never runs on an instance while recovery changes it; and after a lost session, recovery
 * takes the lock again before it sends anything more.
 */
class DrillRecoveryLockE2eTest extends SimulatedDrillTest {

  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  @BeforeEach
  void backup() throws Exception {
    sim.backup("orders-prod", "Orders");
  }

  /**
   * A drill whose agent died while its restore was running: the scratch database is being restored.
   */
  DrillRecord crashedDuringRestore() {
    DrillRunner doomed = new DrillRunner(sim.context(state, DrillSim.settings(), 11));
    DrillObserver killer =
        r -> {
          if (r.step() == DrillStep.RESTORING
              && !r.tasks().isEmpty()
              && r.tasks().get(0).percentComplete() > 0) {
            throw new Killed();
          }
        };
    assertThatThrownBy(
            () ->
                doomed.run(
                    plan("orders-prod", "orders-prod", "Orders", List.of(checkdb())), killer))
        .isInstanceOf(Killed.class);
    return new DrillJournal(state).list().get(0);
  }

  Recovery recovery(Pacer pacer) {
    DrillContext base = sim.context(state, DrillSim.settings(), 12);
    return new Recovery(
        new DrillRunner(
            new DrillContext(
                base.settings(),
                base.instances(),
                base.connections(),
                base.journal(),
                base.clock(),
                pacer,
                base.random(),
                "recovering-agent")));
  }

  /**
   * Another agent's session holding the drill lock (RDS keeps a session lock until the session
   * ends).
   */
  Connection otherAgentLocks() throws Exception {
    Connection c = sim.connect("orders-prod");
    try (CallableStatement cs = c.prepareCall("{? = call sp_getapplock(?, ?, ?, ?)}")) {
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setString(2, "rdswatch_drill");
      cs.setString(3, "Exclusive");
      cs.setString(4, "Session");
      cs.setInt(5, 0);
      cs.execute();
      assertThat(cs.getInt(1)).as("the other agent got the lock").isGreaterThanOrEqualTo(0);
    }
    return c;
  }

  @Test
  void aDrillByHandWhileRecoveryFollowsTheRestoreIsRefusedAsLocked() throws Exception {
    DrillRecord crashed = crashedDuringRestore();
    CountDownLatch following = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Pacer holdsFirstPause =
        d -> {
          if (following.getCount() > 0) {
            following.countDown();
            release.await(30, TimeUnit.SECONDS);
          }
          sim.clock.advance(d);
        };
    CompletableFuture<Optional<DrillRecord>> recovering =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return recovery(holdsFirstPause).recoverOne(crashed.id(), DrillObserver.NONE);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(following.await(30, TimeUnit.SECONDS))
        .as("recovery is following the restore")
        .isTrue();

    DrillRecord byHand =
        new DrillRunner(sim.context(state.resolve("cli"), DrillSim.settings(), 13))
            .run(
                plan("orders-prod", "orders-prod", "Orders", List.of(checkdb())),
                DrillObserver.NONE);
    release.countDown();
    DrillRecord recovered = recovering.get(60, TimeUnit.SECONDS).orElseThrow();

    assertThat(byHand.status()).isEqualTo(DrillStatus.SKIPPED);
    assertThat(byHand.reasonCode()).isEqualTo("locked");
    assertThat(byHand.reason())
        .contains("another rdswatch drill holds the drill lock on orders-prod");
    assertThat(recovered.status()).as(recovered.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(recovered.dropped()).isTrue();
    assertThat(sim.calls("rds_restore_database")).as("only the crashed drill's restore").hasSize(1);
  }

  @Test
  void recoveryWaitsWhileAnotherDrillHoldsTheLockAndTouchesNothing() throws Exception {
    DrillRecord crashed = crashedDuringRestore();
    try (Connection other = otherAgentLocks()) {
      int reads = sim.calls("rds_task_status").size();
      Optional<DrillRecord> deferred =
          recovery(sim.clock::advance).recoverOne(crashed.id(), DrillObserver.NONE);

      assertThat(deferred)
          .hasValueSatisfying(
              r -> {
                assertThat(r.isFinished()).isFalse();
                assertThat(r.step()).isEqualTo(DrillStep.RESTORING);
              });
      assertThat(sim.calls("rds_drop_database")).isEmpty();
      assertThat(sim.calls("rds_task_status")).as("nothing read without the lock").hasSize(reads);
    }

    DrillRecord done =
        recovery(sim.clock::advance).recoverOne(crashed.id(), DrillObserver.NONE).orElseThrow();

    assertThat(done.status()).as(done.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(done.dropped()).isTrue();
    assertThat(sim.databases("orders-prod")).noneMatch(n -> n.startsWith("rdswatch_drill_"));
  }

  @Test
  void afterALostSessionRecoveryTakesTheLockAgainBeforeItContinues() throws Exception {
    DrillRecord crashed = crashedDuringRestore();
    var faults = sim.instance("orders-prod").faults();
    Pacer cutsTheSession =
        d -> {
          // the next reply with rows drops the session, and RDS releases its session lock with it
          faults.dropAfterRows(0);
          sim.clock.advance(d);
        };
    Optional<DrillRecord> cut =
        recovery(cutsTheSession).recoverOne(crashed.id(), DrillObserver.NONE);
    faults.dropAfterRows(-1);
    assertThat(cut).hasValueSatisfying(r -> assertThat(r.isFinished()).isFalse());

    try (Connection other = otherAgentLocks()) {
      int drops = sim.calls("rds_drop_database").size();
      Optional<DrillRecord> reconnect =
          recovery(sim.clock::advance).recoverOne(crashed.id(), DrillObserver.NONE);

      assertThat(reconnect)
          .as("the lock was taken meanwhile: recovery waits")
          .hasValueSatisfying(
              r -> {
                assertThat(r.isFinished()).isFalse();
                assertThat(r.step()).isEqualTo(DrillStep.RESTORING);
              });
      assertThat(sim.calls("rds_drop_database")).hasSize(drops);
      assertThat(sim.databases("orders-prod")).contains(crashed.scratchName());
    }

    DrillRecord done =
        recovery(sim.clock::advance).recoverOne(crashed.id(), DrillObserver.NONE).orElseThrow();
    assertThat(done.status()).as(done.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(done.dropped()).isTrue();
    assertThat(sim.calls("rds_restore_database")).hasSize(1);
  }
}
