package io.rdswatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.agent.sql.TaskFunctionQuery;
import io.rdswatch.agent.sql.TaskStatusQuery;
import io.rdswatch.agent.track.MemoryStateStore;
import io.rdswatch.agent.track.PollRead;
import io.rdswatch.agent.track.SimClocks;
import io.rdswatch.agent.track.TaskTracker;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.rds.Login;
import io.rdswatch.simulator.scenario.ScenarioGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A login without SELECT on rds_fn_task_status (error 229), or an engine without the function
 * (208): the agent polls with exec rds_task_status instead, shows it in its poll mode, keeps
 * counting right, and goes back to the function once it is readable again, at the next full-read
 * time.
 */
class PollModeFallbackE2eTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration FULL_EVERY = Duration.ofHours(1);

  @Test
  void notGrantedOrMissingFallsBackAndRecovers() throws Exception {
    ManualClock simClock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
    Clock clock = SimClocks.of(simClock);
    try (Simulator sim =
        Simulator.start(
            ScenarioGenerator.generate(1, 2, 40, 7), SimulatorOptions.forTests(simClock))) {
      SimulatedInstance instance = sim.instances().get(0);
      instance
          .rds()
          .addLogin(new Login("monitor", "monitor-pw", false, Set.of("rds_task_status"), Set.of()));
      InstancePoller poller = poller(instance, "monitor", "monitor-pw", clock);
      InstancePoller admin = poller(instance, "admin", "admin", clock);

      pollBoth(poller, admin, simClock);
      assertThat(poller.status().ok()).isTrue();
      assertThat(poller.mode()).isEqualTo(PollRead.PROCEDURE);
      assertThat(poller.tracker().snapshot().pollMode()).isEqualTo(PollRead.PROCEDURE);
      assertThat(admin.mode()).isEqualTo(PollRead.FUNCTION);

      for (int i = 0; i < 3; i++) { // inside the hour: no new try of the function
        pollBoth(poller, admin, simClock);
        assertThat(poller.mode()).isEqualTo(PollRead.PROCEDURE);
      }
      instance
          .rds()
          .addLogin(
              new Login(
                  "monitor",
                  "monitor-pw",
                  false,
                  Set.of("rds_task_status"),
                  Set.of("rds_fn_task_status")));
      for (int i = 0; i < 4; i++) { // the hour passes: the function is tried again and readable
        pollBoth(poller, admin, simClock);
      }
      assertThat(poller.mode()).isEqualTo(PollRead.FUNCTION);

      // the grant vanishes under the running agent (a Multi-AZ failover does not copy msdb grants)
      instance
          .rds()
          .addLogin(new Login("monitor", "monitor-pw", false, Set.of("rds_task_status"), Set.of()));
      pollBoth(poller, admin, simClock);
      assertThat(poller.status().ok()).as("the same poll falls back").isTrue();
      assertThat(poller.mode()).isEqualTo(PollRead.PROCEDURE);

      instance.faults().taskStatusFunctionMissing(true);
      for (int i = 0; i < 5; i++) {
        pollBoth(poller, admin, simClock);
      }
      assertThat(poller.status().ok()).isTrue();
      assertThat(poller.mode()).isEqualTo(PollRead.PROCEDURE);
      assertThat(admin.mode())
          .as("the same fault hides the function from every login")
          .isEqualTo(PollRead.PROCEDURE);
      assertThat(poller.tracker().snapshot().finished()).isNotEmpty();
    }
  }

  /** Polls both agents and checks they counted the same; then 20 minutes pass. */
  private static void pollBoth(InstancePoller a, InstancePoller b, ManualClock simClock) {
    assertThat(a.tryStart()).isTrue();
    a.pollAndRelease();
    assertThat(b.tryStart()).isTrue();
    b.pollAndRelease();
    assertThat(a.tracker().snapshot().finished()).isEqualTo(b.tracker().snapshot().finished());
    assertThat(a.tracker().snapshot().failures()).isEqualTo(b.tracker().snapshot().failures());
    assertThat(a.tracker().latestRows()).isEqualTo(b.tracker().latestRows());
    simClock.advance(Duration.ofMinutes(20));
  }

  private static InstancePoller poller(
      SimulatedInstance instance, String user, String password, Clock clock) {
    InstanceTarget target =
        new InstanceTarget(
            instance.name(),
            "127.0.0.1",
            instance.port(),
            user,
            PasswordSource.literal(password),
            Map.of("encrypt", "false"),
            Map.of(),
            null,
            "static");
    TaskTracker tracker =
        new TaskTracker(target, Duration.ofMinutes(30), new MemoryStateStore(), clock);
    TaskReader reader =
        new TaskReader(
            target.name(),
            new TaskStatusQuery(TIMEOUT),
            new TaskFunctionQuery(TIMEOUT),
            FULL_EVERY,
            clock);
    return new InstancePoller(
        target,
        tracker,
        new SqlConnector(TIMEOUT),
        reader,
        new io.rdswatch.agent.sql.DatabaseCatalogQuery(TIMEOUT),
        clock);
  }
}
