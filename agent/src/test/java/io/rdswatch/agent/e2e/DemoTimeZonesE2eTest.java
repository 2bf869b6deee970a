package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.scenario.Durations;
import io.rdswatch.simulator.scenario.InstanceSpec;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo fleet, one instance of it created outside UTC, polled by the real agent over TDS: no
 * exported timestamp lies in the future, and each instance's newest backup is younger than its most
 * frequent schedule.
 */
class DemoTimeZonesE2eTest {

  @TempDir Path dir;

  @Test
  void everyDemoInstanceExportsPlausibleTimesWhateverItsTimeZone() throws Exception {
    Scenario demo = Scenario.demo();
    assertThat(demo.instances())
        .as("the demo has an instance outside UTC")
        .anySatisfy(i -> assertThat(i.timezone()).isNotNull().isNotEqualTo("UTC"));
    try (SimulatedFleet fleet = SimulatedFleet.start(demo);
        RunningAgent agent =
            RunningAgent.start(
                fleet.config(dir, Duration.ofSeconds(60), Duration.ofSeconds(5)),
                fleet.agentClock(),
                false)) {
      for (int round = 0; round < 2; round++) {
        agent.pollOnce();
        Instant now = fleet.clock.now();
        String page = agent.get("/metrics").body();
        for (InstanceSpec spec : demo.instances()) {
          checkInstance(page, spec, now);
        }
        fleet.advance(Duration.ofMinutes(95));
      }
    }
  }

  private static void checkInstance(String page, InstanceSpec spec, Instant now) {
    String label = "rds_instance=\"" + spec.name() + "\"";
    List<Double> stamps = timestamps(page, label);
    assertThat(stamps).as("timestamps of %s", spec.name()).isNotEmpty();
    assertThat(stamps)
        .as("no timestamp of %s (%s) after %s", spec.name(), spec.timezone(), now)
        .allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(now.getEpochSecond()));
    double newest = newestBackup(page, label);
    Duration interval =
        spec.schedule().stream()
            .map(s -> Durations.parse(s.every()))
            .min(Duration::compareTo)
            .orElseThrow();
    double age = now.getEpochSecond() - newest;
    assertThat(age)
        .as(
            "newest backup age of %s (%s), schedule every %s",
            spec.name(), spec.timezone(), interval)
        .isGreaterThanOrEqualTo(0)
        .isLessThan(interval.toSeconds());
  }

  /** Every rdswatch_*_timestamp_seconds sample of one instance. */
  private static List<Double> timestamps(String page, String label) {
    List<Double> out = new ArrayList<>();
    for (String line : page.split("\n")) {
      if (line.startsWith("rdswatch_")
          && line.contains("_timestamp_seconds{")
          && line.contains(label)) {
        String[] parts = line.trim().split(" ");
        out.add(Double.parseDouble(parts[parts.length - 1]));
      }
    }
    return out;
  }

  private static double newestBackup(String page, String label) {
    double newest = Double.NEGATIVE_INFINITY;
    for (String line : page.split("\n")) {
      if (line.startsWith("rdswatch_backup_last_success_timestamp_seconds{")
          && line.contains(label)) {
        String[] parts = line.trim().split(" ");
        newest = Math.max(newest, Double.parseDouble(parts[parts.length - 1]));
      }
    }
    return newest;
  }
}
