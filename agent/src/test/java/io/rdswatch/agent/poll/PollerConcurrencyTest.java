package io.rdswatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.aws.AwsFakes;
import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.agent.track.FileStateStore;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.clock.SimulatedTime;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * poll.concurrency bounds the polls running at once, and an instance is never polled twice at the
 * same time. Each poll's login asks its password source first, so a password source that holds for
 * a moment shows exactly which polls are running.
 */
class PollerConcurrencyTest {

  private static final int INSTANCES = 6;
  private static final int CONCURRENCY = 2;

  @TempDir Path stateDir;

  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();
  private final AtomicInteger samePollTwice = new AtomicInteger();

  @Test
  void concurrencyIsBoundedAndOnePollPerInstanceIsInFlight() throws Exception {
    String[] names = IntStream.range(0, INSTANCES).mapToObj(i -> "i" + i).toArray(String[]::new);
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    try (Simulator sim = Simulator.start(Scenario.blank(names), SimulatorOptions.forTests(clock))) {
      List<InstanceTarget> targets = List.of(names).stream().map(n -> target(sim, n)).toList();
      InstanceSource source = () -> targets;
      FleetState fleet = new FleetState(new SimulatedTime(clock));
      Poller poller =
          new Poller(
              source,
              pollConfig(),
              new FileStateStore(stateDir),
              fleet,
              new SimulatedTime(clock),
              ticker,
              false);
      poller.start();

      // two cycles asked for at once, as a slow tick overlapping the next one would
      CompletableFuture<Void> first = CompletableFuture.runAsync(poller::pollOnce);
      CompletableFuture<Void> second = CompletableFuture.runAsync(poller::pollOnce);
      CompletableFuture.allOf(first, second).join();

      assertThat(mostAtOnce.get()).as("polls running at once").isEqualTo(CONCURRENCY);
      assertThat(samePollTwice.get()).as("an instance polled by two threads at once").isZero();
      assertThat(fleet.instances())
          .allSatisfy(p -> assertThat(p.status().ok()).as(p.name()).isTrue());
      poller.stop();
    } finally {
      ticker.shutdownNow();
    }
  }

  private InstanceTarget target(Simulator sim, String name) {
    AtomicBoolean busy = new AtomicBoolean();
    PasswordSource holding =
        () -> {
          if (!busy.compareAndSet(false, true)) {
            samePollTwice.incrementAndGet();
          }
          mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            Thread.sleep(150); // long enough for every free worker to start its own poll meanwhile
          } finally {
            running.decrementAndGet();
            busy.set(false);
          }
          return "admin";
        };
    return new InstanceTarget(
        name,
        "127.0.0.1",
        sim.instance(name).port(),
        "admin",
        holding,
        Map.of("encrypt", "false"),
        Map.of(),
        null,
        "static");
  }

  private static PollConfig pollConfig() {
    return AwsFakes.yaml(
        "{interval: 60s, timeout: 5s, concurrency: " + CONCURRENCY + "}", PollConfig.class);
  }
}
