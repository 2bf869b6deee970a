package io.rdswatch.agent.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.run.OrphanScan;
import io.rdswatch.agent.drill.run.Recovery;
import io.rdswatch.agent.drill.sim.DrillConfigFiles;
import io.rdswatch.agent.drill.sim.DrillSim;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill -9: `rdswatch drill --wait` runs in a child JVM, is killed while the restore runs,
 * and this JVM, sharing its stateDir, first leaves the live drill alone and then recovers it.
 */
class DrillKillNineTest {

  @TempDir Path dir;
  DrillSim sim;
  Process child;

  @AfterEach
  void stop() {
    if (child != null) {
      child.destroyForcibly();
    }
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void aDrillKilledMidRestoreInAnotherProcessIsRecoveredHere() throws Exception {
    sim = DrillSim.onWallClock();
    sim.backup("orders-prod", "Big");
    Path config = DrillConfigFiles.write(dir, sim, "drills: { followInterval: 50ms }\n");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "io.rdswatch.agent.cli.Main",
                "drill",
                "--config",
                config.toString(),
                "--instance",
                "orders-prod",
                "--database",
                "Big",
                "--wait")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    DrillJournal journal = new DrillJournal(dir.resolve("state"));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> journal.list().stream().anyMatch(r -> r.step() == DrillStep.RESTORING));
    sim.clock.advance(Duration.ofMinutes(5));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> journal.list().get(0).tasks().get(0).percentComplete() > 0);

    DrillContext here = sim.context(dir.resolve("state"), DrillSim.settings(), 21);
    here =
        new DrillContext(
            here.settings(),
            here.instances(),
            here.connections(),
            here.journal(),
            InstantSource.system(),
            here.pacer(),
            here.random(),
            "here:2");
    Recovery recovery = new Recovery(new DrillRunner(here));
    String id = journal.list().get(0).id();
    assertThat(journal.isLive(id)).isTrue();
    assertThat(recovery.reconcile(DrillObserver.NONE))
        .as("a live drill of another process is left alone")
        .isEmpty();

    child.destroyForcibly().waitFor();
    assertThat(child.exitValue()).isNotZero();
    DrillRecord dead = journal.read(id).orElseThrow();
    assertThat(dead.isFinished()).isFalse();
    assertThat(journal.isLive(id)).isFalse();

    List<DrillRecord> recovered = recovery.reconcile(DrillObserver.NONE);

    assertThat(recovered)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS);
              assertThat(r.recovered()).isTrue();
              assertThat(r.dropped()).isTrue();
            });
    assertThat(sim.calls("rds_restore_database")).hasSize(1);
    assertThat(sim.databases("orders-prod")).noneMatch(n -> n.startsWith("rdswatch_drill_"));
    assertThat(
            OrphanScan.scan(
                here, "rdswatch_drill_", List.of(sim.target("orders-prod")), journal::list))
        .containsEntry("orders-prod", 0);
  }
}
