package io.rdswatch.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.agent.track.MemoryStateStore;
import io.rdswatch.agent.track.SimClocks;
import io.rdswatch.agent.track.TaskTracker;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.scenario.ScenarioGenerator;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Polls that skip known finished rows (held, not read) must leave the tracker exactly where full
 * polls leave it: the same rows for /api/tasks, the same counters. Real mssql-jdbc against the
 * simulator.
 */
class KnownRowsE2eTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Test
  void heldRowsKeepRowsAndCountersAsFullPollsWould() throws Exception {
    ManualClock simClock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
    try (Simulator sim =
        Simulator.start(
            ScenarioGenerator.generate(1, 4, 120, 3), SimulatorOptions.forTests(simClock))) {
      SimulatedInstance instance = sim.instances().get(0);
      InstanceTarget target =
          new InstanceTarget(
              instance.name(),
              "127.0.0.1",
              instance.port(),
              "admin",
              PasswordSource.literal("admin"),
              Map.of("encrypt", "false"),
              Map.of(),
              null,
              "static");
      TaskStatusQuery query = new TaskStatusQuery(TIMEOUT);
      TaskTracker skipping = tracker(target, simClock);
      TaskTracker full = tracker(target, simClock);
      int held = 0;
      try (Connection c = new SqlConnector(TIMEOUT).open(target)) {
        for (int poll = 0; poll < 12; poll++) {
          TaskScan scan = query.all(c, skipping.knownRows());
          skipping.pollSucceeded(scan.rows(), scan.held(), Duration.ofMillis(10));
          held += scan.held().size();
          scan.rows()
              .forEach(
                  r ->
                      assertThat(scan.held())
                          .as("a held row is not read")
                          .doesNotContain(r.taskId()));
          List<TaskRow> all = query.all(c);
          full.pollSucceeded(all, Duration.ofMillis(10));
          assertThat(skipping.latestRows()).isEqualTo(all);
          assertThat(skipping.snapshot().finished()).isEqualTo(full.snapshot().finished());
          assertThat(skipping.snapshot().failures()).isEqualTo(full.snapshot().failures());
          assertThat(skipping.snapshot().backupLastSuccess())
              .isEqualTo(full.snapshot().backupLastSuccess());
          simClock.advance(Duration.ofMinutes(20)); // backups start, run and finish between polls
        }
      }
      assertThat(held).as("finished rows were skipped").isGreaterThan(500);
      assertThat(full.snapshot().finished()).as("tasks finished and were counted").isNotEmpty();
    }
  }

  private static TaskTracker tracker(InstanceTarget target, ManualClock simClock) {
    return new TaskTracker(
        target, Duration.ofMinutes(30), new MemoryStateStore(), SimClocks.of(simClock));
  }
}
