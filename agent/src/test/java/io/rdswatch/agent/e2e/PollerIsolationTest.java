package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.poll.InstancePoller;
import io.rdswatch.exporter.metrics.MetricsText;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.simulator.rds.ColumnFault;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One instance down, one slower than the poll timeout, one answering with a column missing: only
 * their rdswatch_up is 0, and the healthy ones keep polling on schedule with the real scheduler.
 */
class PollerIsolationTest {

  private static final Duration INTERVAL = Duration.ofMillis(1500);
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final List<String> HEALTHY = List.of("ok-1", "ok-2", "ok-3");

  private static final String SCENARIO =
      """
      seed: 3
      history: 1d
      instances:
      %s
      """;
  private static final String INSTANCE =
      """
        - name: %s
          databases: [{name: Sales, size_mb: 1024}]
          buckets: [{name: backups, region: us-east-1}]
          schedule: [{type: FULL, every: 6h, at: "00:10", bucket: backups}]
      """;

  @TempDir Path dir;

  @Test
  void aBadInstanceNeverDelaysTheOthers() throws Exception {
    StringBuilder instances = new StringBuilder();
    for (String name : List.of("ok-1", "down", "ok-2", "slow", "ok-3", "garbage")) {
      instances.append(INSTANCE.formatted(name));
    }
    try (SimulatedFleet fleet =
        SimulatedFleet.start(Scenario.parse(SCENARIO.formatted(instances)))) {
      fleet.instance("down").faults().down(true);
      fleet.instance("slow").faults().latency(Duration.ofSeconds(5));
      fleet.instance("garbage").faults().statusColumns(ColumnFault.missing("lifecycle"));

      try (RunningAgent agent =
          RunningAgent.start(fleet.config(dir, INTERVAL, TIMEOUT), Clock.systemUTC(), true)) {
        Map<String, List<Instant>> successes = watchSuccesses(agent, Duration.ofSeconds(7));

        for (String name : HEALTHY) {
          List<Instant> seen = successes.get(name);
          assertThat(seen).as("%s polled every %s", name, INTERVAL).hasSizeGreaterThanOrEqualTo(3);
          for (int i = 1; i < seen.size(); i++) {
            assertThat(Duration.between(seen.get(i - 1), seen.get(i)))
                .as("gap between polls of %s", name)
                .isLessThanOrEqualTo(INTERVAL.plusMillis(400));
          }
        }
        assertThat(lastError(agent, "down")).isEqualTo(PollErrorKind.CONNECT);
        assertThat(lastError(agent, "slow")).isEqualTo(PollErrorKind.TIMEOUT);
        assertThat(lastError(agent, "garbage")).isEqualTo(PollErrorKind.PARSE);
        assertThat(
                agent
                    .runtime()
                    .fleet()
                    .instance("garbage")
                    .orElseThrow()
                    .status()
                    .lastError()
                    .message())
            .startsWith("rds_task_status has no column 'lifecycle'");

        String page = MetricsText.render004(agent.runtime().registry());
        for (String name : HEALTHY) {
          assertThat(MetricsPage.value(page, "rdswatch_up{rds_instance=\"" + name + "\","))
              .hasValue(1.0);
        }
        for (String name : List.of("down", "slow", "garbage")) {
          assertThat(MetricsPage.value(page, "rdswatch_up{rds_instance=\"" + name + "\","))
              .hasValue(0.0);
        }
        assertThat(
                MetricsPage.value(
                        page, "rdswatch_poll_errors_total{rds_instance=\"slow\",kind=\"timeout\",}")
                    .orElseThrow())
            .isGreaterThanOrEqualTo(1);
      }
    }
  }

  /**
   * Samples every instance's last successful poll until the window closes; distinct times in order.
   */
  private static Map<String, List<Instant>> watchSuccesses(RunningAgent agent, Duration window)
      throws InterruptedException {
    Map<String, List<Instant>> seen = new HashMap<>();
    long end = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < end) {
      for (InstancePoller p : agent.runtime().fleet().instances()) {
        Instant at = p.status().lastSuccess();
        List<Instant> list = seen.computeIfAbsent(p.name(), n -> new ArrayList<>());
        if (at != null && (list.isEmpty() || !list.get(list.size() - 1).equals(at))) {
          list.add(at);
        }
      }
      Thread.sleep(50);
    }
    return seen;
  }

  private static PollErrorKind lastError(RunningAgent agent, String name) {
    var status = agent.runtime().fleet().instance(name).orElseThrow().status();
    assertThat(status.lastError()).as("%s has failed", name).isNotNull();
    return status.lastError().kind();
  }
}
