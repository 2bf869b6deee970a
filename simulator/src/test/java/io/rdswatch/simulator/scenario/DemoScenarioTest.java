package io.rdswatch.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.rds.Lifecycle;
import io.rdswatch.simulator.rds.TaskRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in demo: full task tables at start, something running, and failures of several kinds.
 */
class DemoScenarioTest {

  @Test
  void demoStartsWithHistoryRunningTasksAndSeveralFailureReasons() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-27T09:00:00Z"));
    try (Simulator sim = Simulator.start(Scenario.demo(), SimulatorOptions.forTests(clock))) {
      assertThat(sim.instances())
          .extracting(SimulatedInstance::name)
          .containsExactly("sales-prod", "hr-prod", "analytics-dev");
      for (SimulatedInstance i : sim.instances()) {
        int dbs =
            i.rds()
                .locked(
                    () ->
                        (int) i.rds().catalog().all().stream().filter(d -> !d.isSystem()).count());
        assertThat(dbs).as(i.name()).isBetween(2, 5);
        assertThat(i.tasks()).as(i.name()).hasSizeGreaterThan(20);
      }
      List<TaskRow> all = sim.instances().stream().flatMap(i -> i.tasks().stream()).toList();
      assertThat(all)
          .extracting(TaskRow::lifecycle)
          .contains(Lifecycle.SUCCESS, Lifecycle.ERROR, Lifecycle.IN_PROGRESS);
      assertThat(sim.instance("analytics-dev").tasks())
          .anySatisfy(
              t -> {
                assertThat(t.databaseName()).isEqualTo("Warehouse");
                assertThat(t.lifecycle()).isEqualTo(Lifecycle.IN_PROGRESS);
              });
      assertThat(reasons(all)).contains("backup window", "same region", "not authorized");

      clock.advance(Duration.ofHours(3));
      List<TaskRow> later =
          sim.instances().stream()
              .flatMap(i -> i.tasks().stream())
              .filter(t -> t.createdAt().isAfter(Instant.parse("2026-11-27T09:00:00Z")))
              .toList();
      assertThat(later).extracting(TaskRow::lifecycle).contains(Lifecycle.SUCCESS, Lifecycle.ERROR);
    }
  }

  @Test
  void theDemoIsDeterministicForItsSeed() throws Exception {
    assertThat(snapshot()).isEqualTo(snapshot());
  }

  private static List<String> snapshot() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-27T09:00:00Z"));
    try (Simulator sim = Simulator.start(Scenario.demo(), SimulatorOptions.forTests(clock))) {
      return sim.instance("sales-prod").tasks().stream()
          .map(t -> t.taskId() + t.lifecycle().name() + t.taskInfo())
          .toList();
    }
  }

  /** By the cause's own line: the generic abort line is on every failed backup. */
  private static Set<String> reasons(List<TaskRow> tasks) {
    return tasks.stream()
        .filter(t -> t.lifecycle() == Lifecycle.ERROR)
        .peek(
            t ->
                assertThat(t.taskInfo())
                    .contains(
                        "Aborted the task because of a task failure or ", "Task has been aborted"))
        .map(
            t ->
                t.taskInfo().contains("RDS automated backup in progress")
                    ? "backup window"
                    : t.taskInfo().contains("same region")
                        ? "same region"
                        : t.taskInfo().contains("is not authorized")
                            ? "not authorized"
                            : t.taskInfo().contains("Access Denied") ? "access denied" : "other")
        .collect(Collectors.toSet());
  }
}
