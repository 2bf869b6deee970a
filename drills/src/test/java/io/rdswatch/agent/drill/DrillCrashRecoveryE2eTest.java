package io.rdswatch.agent.drill;

import static io.rdswatch.agent.drill.sim.DrillSim.checkdb;
import static io.rdswatch.agent.drill.sim.DrillSim.plan;
import static io.rdswatch.agent.drill.sim.DrillSim.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.run.OrphanScan;
import io.rdswatch.agent.drill.run.Recovery;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.SimulatedDrillTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent dies at each step of a drill (the runner is abandoned mid-step: no cleanup, its session
 * and file lock just go, as with kill -9), then a new runner on the same stateDir recovers: no
 * scratch database is left, no orphan is counted, and every drill has a result.
 */
class DrillCrashRecoveryE2eTest extends SimulatedDrillTest {

  /** Stands for the process dying: nothing in the runner catches an Error. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  @BeforeEach
  void backup() throws Exception {
    sim.backup("orders-prod", "Orders");
  }

  /** Runs a drill that dies right after the first journal write matching {@code at}. */
  void dieWhen(Predicate<DrillRecord> at) {
    DrillObserver killer =
        r -> {
          if (at.test(r)) {
            throw new Killed();
          }
        };
    DrillRunner doomed = new DrillRunner(sim.context(state, DrillSim.settings(), 11));
    assertThatThrownBy(
            () ->
                doomed.run(
                    plan(
                        "orders-prod",
                        "orders-prod",
                        "Orders",
                        List.of(checkdb(), sql("SELECT COUNT_BIG(*) FROM dbo.Orders", ">= 1000"))),
                    killer))
        .isInstanceOf(Killed.class);
    assertThat(new DrillJournal(state).list())
        .singleElement()
        .satisfies(r -> assertThat(r.isFinished()).isFalse());
  }

  /** A fresh agent on the same stateDir reconciles; returns the one drill's final record. */
  DrillRecord restart() throws Exception {
    DrillContext ctx = sim.context(state, DrillSim.settings(), 12);
    List<DrillRecord> recovered = new Recovery(new DrillRunner(ctx)).reconcile(DrillObserver.NONE);
    assertThat(recovered).hasSize(1);
    DrillRecord r = new DrillJournal(state).list().get(0);
    assertThat(r.isFinished()).isTrue();
    assertThat(r.recovered()).isTrue();
    assertThat(sim.databases("orders-prod")).noneMatch(n -> n.startsWith("rdswatch_drill_"));
    assertThat(
            OrphanScan.scan(
                ctx,
                "rdswatch_drill_",
                List.of(sim.target("orders-prod")),
                new DrillJournal(state)::list))
        .containsEntry("orders-prod", 0);
    assertThat(new Recovery(new DrillRunner(ctx)).reconcile(DrillObserver.NONE)).isEmpty();
    return r;
  }

  @Test
  void killedBeforeSubmitIsInterruptedAndNothingChanged() throws Exception {
    dieWhen(r -> r.step() == DrillStep.SUBMITTING);

    DrillRecord r = restart();

    assertThat(r.status()).isEqualTo(DrillStatus.INTERRUPTED);
    assertThat(r.reason()).contains("before the restore was submitted; nothing was changed");
    assertThat(sim.calls("rds_restore_database")).isEmpty();
  }

  @Test
  void killedAfterSubmitButBeforeJournalingTheTaskAdoptsTheTask() throws Exception {
    dieWhen(
        r -> {
          if (r.step() != DrillStep.SUBMITTING) {
            return false;
          }
          // the restore reached RDS, then the agent died before it could write the task id down
          try (Connection c = sim.connect("orders-prod");
              PreparedStatement ps =
                  c.prepareStatement(
                      "EXEC msdb.dbo.rds_restore_database @restore_db_name = ?,"
                          + " @s3_arn_to_restore_from = ?, @with_norecovery = 0, @type = 'FULL'")) {
            ps.setString(1, r.scratchName());
            ps.setString(2, r.source().s3Arn());
            ps.execute();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return true;
        });

    DrillRecord r = restart();

    assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(r.tasks())
        .singleElement()
        .satisfies(t -> assertThat(t.lifecycle()).isEqualTo("SUCCESS"));
    assertThat(r.dropped()).isTrue();
  }

  @Test
  void killedDuringTheRestoreKeepsFollowingItToTheEnd() throws Exception {
    dieWhen(
        r ->
            r.step() == DrillStep.RESTORING
                && !r.tasks().isEmpty()
                && r.tasks().get(0).percentComplete() > 0);

    DrillRecord r = restart();

    assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(r.checks()).hasSize(2).allMatch(c -> c.passed());
    assertThat(r.rtoSeconds()).isPositive();
    assertThat(sim.calls("rds_restore_database")).hasSize(1);
    assertThat(r.dropped()).isTrue();
  }

  @Test
  void killedDuringVerifyDropsAndRecordsInterruptedKeepingFinishedChecks() throws Exception {
    dieWhen(r -> r.step() == DrillStep.VERIFYING && r.checks().size() == 1);

    DrillRecord r = restart();

    assertThat(r.status()).isEqualTo(DrillStatus.INTERRUPTED);
    assertThat(r.reason()).contains("during verify");
    assertThat(r.checks())
        .singleElement()
        .satisfies(c -> assertThat(c.kind()).isEqualTo("checkdb"));
    assertThat(r.dropped()).isTrue();
    assertThat(r.rtoSeconds()).isPositive();
  }

  @Test
  void killedBeforeTheDropDropsOnRestartAndKeepsTheVerifiedResult() throws Exception {
    dieWhen(r -> r.step() == DrillStep.DROPPING && r.dropped() == null);

    DrillRecord r = restart();

    assertThat(r.status()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(r.dropped()).isTrue();
    assertThat(sim.calls("rds_drop_database")).hasSize(1);
  }

  @Test
  void killedAfterTheDropBeforeTheReportFinishesTheReport() throws Exception {
    dieWhen(r -> r.step() == DrillStep.DROPPING && Boolean.TRUE.equals(r.dropped()));

    DrillRecord r = restart();

    assertThat(r.status()).isEqualTo(DrillStatus.SUCCESS);
    assertThat(sim.calls("rds_drop_database")).hasSize(1);
  }

  @Test
  void killedDuringPreflightIsInterrupted() throws Exception {
    dieWhen(r -> r.step() == DrillStep.PREFLIGHT);

    DrillRecord r = restart();

    assertThat(r.status()).isEqualTo(DrillStatus.INTERRUPTED);
    assertThat(r.reason()).contains("during preflight");
  }

  @Test
  void aJournalEditedByHandToNameAProductionDatabaseIsClosedWithoutSendingAStatement()
      throws Exception {
    dieWhen(r -> r.step() == DrillStep.DROPPING && r.dropped() == null);
    DrillJournal journal = new DrillJournal(state);
    DrillRecord crashed = journal.list().get(0);
    Path file = journal.dir().resolve(crashed.id() + ".json");
    Files.writeString(
        file,
        Files.readString(file)
            .replace(crashed.scratchName(), "Orders")
            .replace("\"scratchPrefix\" : \"rdswatch_drill_\"", "\"scratchPrefix\" : \"Ord\""));
    int sent = sim.calls().size();

    List<DrillRecord> recovered =
        new Recovery(new DrillRunner(sim.context(state, DrillSim.settings(), 12)))
            .reconcile(DrillObserver.NONE);

    assertThat(recovered)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(DrillStatus.INTERRUPTED);
              assertThat(r.reasonCode()).isEqualTo("journal_unsealed");
              assertThat(r.reason())
                  .contains(
                      "nothing on orders-prod was touched", "names database 'Orders', left alone");
            });
    assertThat(sim.calls()).hasSize(sent);
    assertThat(sim.databases("orders-prod")).contains("Orders", crashed.scratchName());
    assertThat(journal.readSealed(crashed.id()))
        .as("closed, and sealed as closed")
        .hasValueSatisfying(r -> assertThat(r.isFinished()).isTrue());
    assertThat(
            OrphanScan.scan(
                sim.context(state, DrillSim.settings(), 13),
                "rdswatch_drill_",
                List.of(sim.target("orders-prod")),
                journal::list))
        .as("the stranded scratch database is reported, since no trusted journal knows it")
        .containsEntry("orders-prod", 1);
  }
}
