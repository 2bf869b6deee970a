package io.rdswatch.agent.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.aws.AwsFakes;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.agent.poll.FleetState;
import io.rdswatch.agent.poll.PollConfig;
import io.rdswatch.agent.poll.Poller;
import io.rdswatch.agent.track.FileStateStore;
import io.rdswatch.exporter.cloudwatch.CloudWatchMetric;
import io.rdswatch.exporter.cloudwatch.FleetDatums;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.clock.SimulatedTime;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * After a restart, the TaskFailures of the first publish are the failures counted since the agent
 * stopped (tasks that failed while it was down), even when the first polls run before the first
 * publish; failures published before the restart are not sent again.
 */
class FailureSeedsTest {

  private static final String SCENARIO =
      """
      seed: 2
      history: 0s
      instances:
        - name: seeds-a
          databases: [{name: Sales, size_mb: 100}]
          buckets: [{name: near, region: us-east-1}, {name: far, region: eu-west-1}]
      """;

  @TempDir Path stateDir;

  @Test
  void failuresCountedBeforeTheFirstPublishAfterARestartArePublished() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    try (Simulator sim =
        Simulator.start(Scenario.parse(SCENARIO), SimulatorOptions.forTests(clock))) {
      SimulatedInstance a = sim.instance("seeds-a");
      InstanceTarget target =
          new InstanceTarget(
              "seeds-a",
              "127.0.0.1",
              a.port(),
              "admin",
              PasswordSource.literal("admin"),
              Map.of("encrypt", "false"),
              Map.of(),
              null,
              "static");

      // before the restart: one failure, counted and (say) published
      Poller before = poller(clock, ticker, new FleetState(new SimulatedTime(clock)), target);
      before.pollOnce();
      failBackup(a, clock, "1");
      before.pollOnce();
      before.stop();

      // while the agent is down, another backup fails; after the restart it is counted at the first
      // poll
      failBackup(a, clock, "2");
      FleetState fleet = new FleetState(new SimulatedTime(clock));
      FailureSeeds seeds = new FailureSeeds();
      fleet.addListener(seeds);
      Poller after = poller(clock, ticker, fleet, target);
      after.pollOnce();
      FleetDatums datums = new FleetDatums(EnumSet.of(CloudWatchMetric.TASK_FAILURES));

      assertThat(
              instanceFailures(
                  new FleetDatumSource(fleet::snapshot, datums, List::of, seeds::current)))
          .as("the failure from the downtime, not the one before it")
          .isEqualTo(1.0);
      assertThat(instanceFailures(new FleetDatumSource(fleet::snapshot, datums, List::of)))
          .as("without seeds a first publish after the first poll has nothing to compare with")
          .isZero();
      after.stop();
    } finally {
      ticker.shutdownNow();
    }
  }

  private Poller poller(
      ManualClock clock, ScheduledExecutorService ticker, FleetState fleet, InstanceTarget target) {
    PollConfig config = AwsFakes.yaml("{interval: 60s, timeout: 5s}", PollConfig.class);
    Poller poller =
        new Poller(
            () -> List.of(target),
            config,
            new FileStateStore(stateDir),
            fleet,
            new SimulatedTime(clock),
            ticker,
            false);
    poller.start();
    return poller;
  }

  private static void failBackup(SimulatedInstance a, ManualClock clock, String n) {
    a.backup(BackupRequest.full("Sales", "arn:aws:s3:::far/sales-" + n + ".bak"));
    clock.advance(Duration.ofMinutes(5));
  }

  /** The instance-wide TaskFailures datum (DBInstanceIdentifier only) of one publish. */
  private static double instanceFailures(FleetDatumSource source) {
    return source.datums(Instant.parse("2026-03-02T01:00:00Z")).stream()
        .filter(d -> d.metricName().equals("TaskFailures") && d.dimensions().size() == 1)
        .mapToDouble(MetricDatum::value)
        .sum();
  }
}
