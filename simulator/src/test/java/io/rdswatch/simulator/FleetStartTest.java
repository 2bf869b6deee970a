package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.scenario.Scenario;
import io.rdswatch.simulator.scenario.ScenarioGenerator;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 1,000 instances (20 databases, ~200 tasks of history each) start in one JVM within 30 s and fit
 * in 1 GiB of heap. The fleet runs in a child JVM with {@code -Xmx1g}, so the bound holds at the
 * peak of start-up too, not only after a GC (the test JVM itself has more heap).
 */
class FleetStartTest {
  private static final Pattern REPORT = Pattern.compile("(\\w+)=(\\d+)");

  @Test
  void aThousandInstancesStartWithinThirtySecondsInOneGibOfHeap() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-Xmx1g",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.net.preferIPv4Stack=true",
                "-cp",
                System.getProperty("java.class.path"),
                Fleet.class.getName())
            .redirectErrorStream(true);
    Process child = pb.start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the fleet JVM finished").isTrue();
    System.out.print(out);
    assertThat(child.exitValue())
        .as("the fleet JVM (-Xmx1g) exit status; output:%n%s", out)
        .isZero();

    Map<String, Long> report =
        REPORT
            .matcher(out.lines().filter(l -> l.startsWith("fleet:")).findFirst().orElse(""))
            .results()
            .collect(Collectors.toMap(m -> m.group(1), m -> Long.parseLong(m.group(2))));
    assertThat(report)
        .as(out)
        .containsKeys("instances", "start_ms", "ready_ms", "tasks", "heap_mb", "max_heap_mb");
    assertThat(report.get("instances")).isEqualTo(1000);
    assertThat(report.get("start_ms")).isLessThan(30_000);
    assertThat(report.get("ready_ms"))
        .as("started, and every task table filled with its history")
        .isLessThan(30_000);
    assertThat(report.get("tasks") / 1000).isBetween(150L, 260L);
    assertThat(report.get("max_heap_mb")).isLessThanOrEqualTo(1024);
    assertThat(report.get("heap_mb")).isLessThan(1024);
  }

  /**
   * The child JVM: starts the fleet, fills every task table (lazily, on first read), serves one
   * query.
   */
  static final class Fleet {
    public static void main(String[] args) throws Exception {
      Scenario scenario = ScenarioGenerator.generate(1000, 20, 200, 7);
      ManualClock clock = new ManualClock(SimHarness.T0);
      long start = System.nanoTime();
      try (Simulator sim = Simulator.start(scenario, SimulatorOptions.forTests(clock))) {
        long startMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        List<SimulatedInstance> all = sim.instances();
        Set<Integer> ports = new HashSet<>();
        all.forEach(i -> ports.add(i.port()));
        check(ports.size() == 1000, "1000 distinct ports, got " + ports.size());
        int tasks =
            all.stream().mapToInt(i -> i.tasks().size()).sum(); // history runs on first read
        long readyMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        try (Connection c =
            DriverManager.getConnection(sim.instance("sim-1000").jdbcUrl(), "admin", "admin")) {
          int rows = Jdbc.rows(c, "exec msdb.dbo.rds_task_status").size();
          check(rows > 150, "sim-1000 serves its task table, got " + rows + " rows");
        }
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf(
            "fleet: instances=%d start_ms=%d ready_ms=%d tasks=%d heap_mb=%d max_heap_mb=%d%n",
            all.size(), startMs, readyMs, tasks, heap.getUsed() >> 20, heap.getMax() >> 20);
      }
      System.exit(0);
    }

    private static void check(boolean ok, String what) {
      if (!ok) {
        System.out.println("fleet: FAILED " + what);
        System.exit(1);
      }
    }
  }
}
