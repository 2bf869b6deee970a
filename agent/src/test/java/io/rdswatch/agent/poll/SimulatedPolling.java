package io.rdswatch.agent.poll;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.http.AgentMetrics;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.agent.track.FileStateStore;
import io.rdswatch.exporter.metrics.MetricsText;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.clock.SimulatedTime;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One simulated instance under a manual clock, polled on demand by a real {@link Poller} through
 * mssql-jdbc (plain TDS), with the /metrics registry over its fleet.
 */
final class SimulatedPolling implements AutoCloseable {

  final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
  final SimulatedInstance instance;
  final FleetState fleet = new FleetState(new SimulatedTime(clock));
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final Simulator sim;
  private final Poller poller;
  private final CollectorRegistry registry = AgentMetrics.registry(fleet::snapshot);

  /** Polls {@code name} of {@code scenario} as {@code user}; started, not polled yet. */
  SimulatedPolling(String scenario, String name, String user, String password, Path stateDir)
      throws Exception {
    sim = Simulator.start(Scenario.parse(scenario), SimulatorOptions.forTests(clock));
    instance = sim.instance(name);
    InstanceTarget target =
        new InstanceTarget(
            name,
            "127.0.0.1",
            instance.port(),
            user,
            PasswordSource.literal(password),
            Map.of("encrypt", "false"),
            Map.of(),
            null,
            "static");
    poller =
        new Poller(
            () -> List.of(target),
            new AgentConfiguration().getPoll().with(Duration.ofSeconds(60), Duration.ofSeconds(5)),
            new FileStateStore(stateDir),
            fleet,
            new SimulatedTime(clock),
            ticker,
            false);
    poller.start();
  }

  void pollOnce() {
    poller.pollOnce();
  }

  /** The /metrics page as Prometheus's text format 0.0.4. */
  String page() throws Exception {
    return MetricsText.render004(registry);
  }

  @Override
  public void close() throws InterruptedException {
    try {
      poller.stop();
    } finally {
      sim.close();
      ticker.shutdownNow();
    }
  }
}
