package io.rdswatch.bench.agent;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.poll.FleetState;
import io.rdswatch.agent.poll.InstancePoller;
import io.rdswatch.agent.poll.PollConfig;
import io.rdswatch.agent.poll.PollStatus;
import io.rdswatch.agent.poll.Poller;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.agent.track.FileStateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A set of instances the agent polls on demand, next to its baseline loop. "main" is the running
 * agent's own poller (the one behind /metrics); growth sets get a poller of their own, built the
 * same way the application builds it, that lives only while the harness measures it.
 */
final class PollerSet implements AutoCloseable {

  private final Poller poller;
  private final FleetState fleet;
  private final PollConfig config;
  private final ScheduledExecutorService ownTicker;
  private BaselineLoop baseline;

  private PollerSet(
      Poller poller, FleetState fleet, PollConfig config, ScheduledExecutorService ownTicker) {
    this.poller = poller;
    this.fleet = fleet;
    this.config = config;
    this.ownTicker = ownTicker;
  }

  /** The agent's own poller. */
  static PollerSet of(Poller poller, PollConfig config) {
    return new PollerSet(poller, poller.fleet(), config, null);
  }

  /**
   * A separate, unscheduled poller over {@code targets}, keeping its state under {@code stateDir}.
   */
  static PollerSet separate(List<InstanceTarget> targets, PollConfig config, Path stateDir) {
    FleetState fleet = new FleetState(Clock.systemUTC());
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            io.rdswatch.agent.poll.PollThreads.named("bench-ticker"));
    Poller poller =
        new Poller(
            () -> targets,
            config,
            new FileStateStore(stateDir),
            fleet,
            Clock.systemUTC(),
            ticker,
            false);
    poller.start();
    return new PollerSet(poller, fleet, config, ticker);
  }

  /** {@code times} full cycles, measured as one. */
  Measured agentCycles(int times) throws Exception {
    return Measured.of(
        () -> {
          long rows = 0;
          int failed = 0;
          for (int i = 0; i < times; i++) {
            poller.pollOnce();
            for (InstancePoller p : fleet.instances()) {
              PollStatus s = p.status();
              rows += s.tasksSeen();
              failed += s.ok() ? 0 : 1;
            }
          }
          return new Measured.Outcome(rows, failed);
        });
  }

  void openBaseline() throws Exception {
    List<InstanceTarget> targets = fleet.instances().stream().map(InstancePoller::target).toList();
    baseline =
        new BaselineLoop(
            targets, new SqlConnector(config.timeout()), config.concurrency(), config.timeout());
  }

  /**
   * @param incremental the agent's narrow query (figure 1's floor), else exec rds_task_status in
   *     full
   */
  Measured baselineCycles(int times, boolean incremental) throws Exception {
    if (baseline == null) {
      throw new IllegalStateException("open the baseline first");
    }
    return Measured.of(
        () -> {
          long rows = 0;
          for (int i = 0; i < times; i++) {
            rows += baseline.cycle(incremental).rows();
          }
          return new Measured.Outcome(rows, 0);
        });
  }

  void closeBaseline() {
    if (baseline != null) {
      baseline.close();
      baseline = null;
    }
  }

  int size() {
    return fleet.instances().size();
  }

  Poller poller() {
    return poller;
  }

  /** Closes the baseline; a separate poller is stopped too (the agent's own keeps running). */
  @Override
  public void close() throws Exception {
    closeBaseline();
    if (ownTicker != null) {
      poller.stop();
      ownTicker.shutdownNow();
    }
  }
}
