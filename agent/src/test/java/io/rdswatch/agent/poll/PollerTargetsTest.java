package io.rdswatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.http.AgentMetrics;
import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.agent.track.FileStateStore;
import io.rdswatch.exporter.metrics.MetricsText;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.clock.SimulatedTime;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polled set follows the instance source: new names start, vanished ones stop and leave
 * /metrics.
 */
class PollerTargetsTest {

  @TempDir Path stateDir;

  @Test
  void targetsComeAndGoWithTheSource() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    try (Simulator sim =
        Simulator.start(Scenario.blank("a", "b", "c"), SimulatorOptions.forTests(clock))) {
      AtomicReference<List<InstanceTarget>> source =
          new AtomicReference<>(List.of(target(sim, "a"), target(sim, "b")));
      FleetState fleet = new FleetState(new SimulatedTime(clock));
      List<String> events = new ArrayList<>();
      fleet.addListener(
          new FleetState.Listener() {
            @Override
            public void added(InstancePoller instance) {
              events.add("+" + instance.name());
            }

            @Override
            public void removed(InstancePoller instance) {
              events.add("-" + instance.name());
            }
          });
      InstanceSource failingWhenNull =
          () -> {
            List<InstanceTarget> targets = source.get();
            if (targets == null) {
              throw new IllegalStateException("discovery is down");
            }
            return targets;
          };
      Poller poller =
          new Poller(
              failingWhenNull,
              pollConfig(),
              new FileStateStore(stateDir),
              fleet,
              new SimulatedTime(clock),
              ticker,
              false);
      var registry = AgentMetrics.registry(fleet::snapshot);

      poller.start();
      poller.pollOnce();
      assertThat(names(fleet)).containsExactly("a", "b");
      assertThat(MetricsText.render004(registry)).contains("rdswatch_up{rds_instance=\"a\",} 1.0");

      source.set(List.of(target(sim, "b"), target(sim, "c")));
      poller.refreshTargets();
      poller.pollOnce();

      assertThat(names(fleet)).containsExactly("b", "c");
      assertThat(events).containsExactly("+a", "+b", "-a", "+c");
      assertThat(stateDir.resolve("a.json")).as("a's state was flushed when it left").exists();
      String page = MetricsText.render004(registry);
      assertThat(page)
          .doesNotContain("rds_instance=\"a\"")
          .contains("rdswatch_up{rds_instance=\"c\",} 1.0");

      source.set(
          List.of(
              target(sim, "c"),
              new InstanceTarget(
                  "b",
                  "127.0.0.1",
                  sim.instance("c").port(),
                  "admin",
                  PasswordSource.literal("admin"),
                  Map.of("encrypt", "false"),
                  Map.of(),
                  null,
                  "static")));
      poller.refreshTargets();
      assertThat(events).as("a moved endpoint restarts its poller").endsWith("-b", "+b");

      source.set(null); // a failing source (discovery down) keeps what is polled
      poller.refreshTargets();
      assertThat(names(fleet)).containsExactly("b", "c");
      poller.stop();
    } finally {
      ticker.shutdownNow();
    }
  }

  @Test
  void offsetsAreStableAndSpreadOverTheInterval() {
    long interval = 60_000;
    assertThat(Poller.offset("orders-prod", interval))
        .isEqualTo(Poller.offset("orders-prod", interval))
        .isBetween(0L, interval - 1);

    Set<Long> tenSecondSlots =
        IntStream.range(0, 60)
            .mapToObj(i -> "instance-" + i)
            .map(n -> Poller.offset(n, interval) / 10_000)
            .collect(Collectors.toSet());
    assertThat(tenSecondSlots).as("60 instances land in every 10s slot of a minute").hasSize(6);
  }

  private static InstanceTarget target(Simulator sim, String name) {
    return new InstanceTarget(
        name,
        "127.0.0.1",
        sim.instance(name).port(),
        "admin",
        PasswordSource.literal("admin"),
        Map.of("encrypt", "false"),
        Map.of(),
        null,
        "static");
  }

  private static PollConfig pollConfig() {
    return new AgentConfiguration().getPoll().with(Duration.ofSeconds(60), Duration.ofSeconds(5));
  }

  private static List<String> names(FleetState fleet) {
    return fleet.instances().stream().map(InstancePoller::name).toList();
  }
}
