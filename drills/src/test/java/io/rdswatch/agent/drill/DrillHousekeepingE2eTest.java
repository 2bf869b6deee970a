package io.rdswatch.agent.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.drill.config.DrillScheduleConfig;
import io.rdswatch.agent.drill.config.DrillsConfig;
import io.rdswatch.agent.drill.journal.DrillHistory;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.run.BoundedOrphanScan;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.schedule.DrillPlans;
import io.rdswatch.agent.drill.schedule.DrillService;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.track.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orphan scan runs beside the scheduler, not on it, and gives up at drills.orphanScanTimeout: a
 * drill target that hangs (the simulator delays every reply by a minute) neither holds up a drill
 * due meanwhile, nor keeps the scan waiting past its bound, nor keeps the other targets unscanned.
 */
class DrillHousekeepingE2eTest {

  static final Instant SATURDAY = Instant.parse("2026-11-28T22:00:00Z");
  static final Duration BOUND = Duration.ofSeconds(5);

  @TempDir Path state;
  DrillSim sim;
  DrillService service;

  @BeforeEach
  void start() throws Exception {
    sim = new DrillSim(SATURDAY);
    sim.backup("orders-prod", "Orders");
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) {
      service.stop();
    }
    sim.close();
  }

  /**
   * A yearly drill onto drill-box and a weekly one onto orders-prod: both are scanned, drill-box
   * first.
   */
  static DrillsConfig config() {
    return new DrillsConfig()
        .withOrphanScanTimeout(BOUND)
        .withSchedules(
            List.of(
                new DrillScheduleConfig(
                        "yearly-box", "0 4 1 1 *", List.of("orders-prod"), List.of("Orders"))
                    .withTargetInstance("drill-box"),
                new DrillScheduleConfig(
                        "weekly-orders", "0 4 * * SUN", List.of("orders-prod"), List.of("Orders"))
                    .withTargetInstance("orders-prod")));
  }

  @Test
  void aHungDrillTargetHoldsUpNoFiringAndTheScanGivesUpWithinItsBound() throws Exception {
    sim.instance("drill-box").faults().latency(Duration.ofMinutes(1));
    service =
        new DrillService(
            new DrillPlans(config()),
            new DrillRunner(sim.context(state, DrillSim.settings(), 1)),
            new DrillHistory(new DrillJournal(state)),
            true,
            false);
    DrillJournal journal = new DrillJournal(state);
    try (LogCapture log = new LogCapture(BoundedOrphanScan.class)) {
      long t0 = System.nanoTime();
      service.tick(); // starts the first orphan scan, which hangs on drill-box
      assertThat(seconds(t0)).as("the tick waits for no scan").isLessThan(BOUND.toSeconds());

      sim.clock.set(Instant.parse("2026-11-29T04:00:00Z"));
      service.tick();
      await(() -> !journal.list().isEmpty(), 10);
      assertThat(service.orphanScanTimeouts())
          .as("the drill started while the scan still waited")
          .isZero();
      await(() -> journal.list().stream().allMatch(DrillRecord::isFinished), 60);
      assertThat(journal.list())
          .singleElement()
          .satisfies(r -> assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS));

      await(() -> service.orphanScanTimeouts() == 1, 30);
      assertThat(seconds(t0))
          .as("gave up at its bound")
          .isBetween(BOUND.toSeconds() - 0.5, BOUND.toSeconds() + 5.0);
      assertThat(log.linesWithThreads())
          .anySatisfy(
              l ->
                  assertThat(l)
                      .startsWith(
                          "rdswatch-drill-housekeeping: WARN orphan scan gave up after PT5S")
                      .endsWith("not scanned this time: [drill-box, orders-prod]"));
      assertThat(service.orphans()).isEmpty();
    }

    // still hung: the next scan goes first to what the last one did not reach
    sim.clock.set(sim.clock.now().plus(Duration.ofMinutes(11)));
    service.tick();
    await(() -> service.orphanScanTimeouts() == 2, 30);
    assertThat(service.orphans()).containsOnlyKeys("orders-prod");

    sim.instance("drill-box").faults().latency(Duration.ZERO);
    sim.clock.set(sim.clock.now().plus(Duration.ofMinutes(11)));
    service.tick();
    await(() -> service.orphans().containsKey("drill-box"), 30);
    assertThat(service.orphanScanTimeouts()).as("a scan that reached every target").isEqualTo(2);
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static void await(Callable<Boolean> condition, int seconds) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(seconds))
        .pollInterval(Duration.ofMillis(50))
        .until(condition);
  }
}
