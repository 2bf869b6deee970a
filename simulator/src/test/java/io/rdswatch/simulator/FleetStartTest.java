package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.scenario.Scenario;
import io.rdswatch.simulator.scenario.ScenarioGenerator;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 1,000 instances (20 databases, ~200 tasks of history each) start in one JVM within 30 s. */
class FleetStartTest {

  @Test
  void aThousandInstancesStartQuicklyAndServe() throws Exception {
    Scenario scenario = ScenarioGenerator.generate(1000, 20, 200, 7);
    ManualClock clock = new ManualClock(SimHarness.T0);
    long start = System.nanoTime();
    try (Simulator sim = Simulator.start(scenario, SimulatorOptions.forTests(clock))) {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      List<SimulatedInstance> all = sim.instances();
      assertThat(all).hasSize(1000);
      Set<Integer> ports = new HashSet<>();
      all.forEach(i -> ports.add(i.port()));
      assertThat(ports).hasSize(1000);
      assertThat(took).isLessThan(Duration.ofSeconds(30));

      long historyStart = System.nanoTime();
      int tasks = all.stream().mapToInt(i -> i.tasks().size()).sum();
      Duration historyTook = Duration.ofNanos(System.nanoTime() - historyStart);
      assertThat(tasks / 1000).isBetween(150, 260);
      try (Connection c = DriverManager_.connect(sim.instance("sim-1000"))) {
        assertThat(Jdbc.rows(c, "exec msdb.dbo.rds_task_status")).hasSizeGreaterThan(150);
      }
      System.gc();
      long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
      System.out.printf("FleetStartTest: 1000 instances started in %d ms; %d history tasks materialised in %d ms; "
          + "heap used after GC %d MB%n", took.toMillis(), tasks, historyTook.toMillis(), heapMb);
      assertThat(heapMb).isLessThan(1024);
    }
  }

  /** Connects with the simulator's default login. */
  static final class DriverManager_ {
    static Connection connect(SimulatedInstance i) throws java.sql.SQLException {
      return java.sql.DriverManager.getConnection(i.jdbcUrl(), "admin", "admin");
    }
  }
}
