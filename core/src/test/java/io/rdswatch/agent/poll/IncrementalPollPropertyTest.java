package io.rdswatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.agent.sql.TaskFunctionQuery;
import io.rdswatch.agent.sql.TaskStatusQuery;
import io.rdswatch.agent.track.MemoryStateStore;
import io.rdswatch.agent.track.PollRead;
import io.rdswatch.agent.track.SimClocks;
import io.rdswatch.agent.track.TaskTracker;
import io.rdswatch.exporter.model.ActiveTask;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.rds.DatabaseSpec;
import io.rdswatch.simulator.scenario.ScenarioGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Incremental polling against the simulator's random task histories, through the real driver: after
 * every poll, whatever happened before (tasks finishing between polls, long tasks still running
 * below the watermark, restarts, kill -9 with the state back at its last save, outages past the
 * 36-day history), the incremental agent has counted exactly what a reference agent that reads the
 * whole of exec rds_task_status at the same moments has counted, and every finished task the
 * reference saw finish is counted once.
 */
class IncrementalPollPropertyTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  enum Kind {
    POLL,
    ADVANCE,
    LONG_BACKUP,
    RESTART,
    KILL_9,
    OUTAGE
  }

  record Step(Kind kind, int amount) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            Tuple.of(10, Arbitraries.just(new Step(Kind.POLL, 0))),
            Tuple.of(
                10, Arbitraries.integers().between(1, 240).map(m -> new Step(Kind.ADVANCE, m))),
            Tuple.of(2, Arbitraries.just(new Step(Kind.LONG_BACKUP, 0))),
            Tuple.of(1, Arbitraries.just(new Step(Kind.RESTART, 0))),
            Tuple.of(1, Arbitraries.just(new Step(Kind.KILL_9, 0))),
            Tuple.of(1, Arbitraries.integers().between(2, 40).map(d -> new Step(Kind.OUTAGE, d))));
    return step.list().ofMinSize(10).ofMaxSize(50);
  }

  @Property(tries = 25)
  void noFinishedTaskIsMissedOrCountedTwice(
      @ForAll @IntRange(min = 1, max = 3) int databases,
      @ForAll @IntRange(min = 0, max = 60) int history,
      @ForAll @IntRange(min = 1, max = 1_000_000) int seed,
      @ForAll @IntRange(min = 1, max = 12) int fullReadHours,
      @ForAll("steps") List<Step> steps)
      throws Exception {
    ManualClock simClock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
    Clock clock = SimClocks.of(simClock);
    try (Simulator sim =
        Simulator.start(
            ScenarioGenerator.generate(1, databases, history, seed),
            SimulatorOptions.forTests(simClock))) {
      SimulatedInstance instance = sim.instances().get(0);
      // a 2 TB database: its backups run for hours while the hourly differentials of the others
      // start after it and finish before it, so tasks finish out of id order
      instance.addDatabase(DatabaseSpec.of("huge", 2_000_000));
      InstanceTarget target =
          new InstanceTarget(
              instance.name(),
              "127.0.0.1",
              instance.port(),
              "admin",
              PasswordSource.literal("admin"),
              Map.of("encrypt", "false"),
              Map.of(),
              null,
              "static");
      TaskStatusQuery procedure = new TaskStatusQuery(TIMEOUT);
      MemoryStateStore store = new MemoryStateStore();
      MemoryStateStore referenceStore = new MemoryStateStore();
      TaskTracker tracker = new TaskTracker(target, Duration.ofMinutes(30), store, clock);
      TaskTracker reference =
          new TaskTracker(target, Duration.ofMinutes(30), referenceStore, clock);
      TaskReader reader = reader(target, procedure, fullReadHours, clock);
      Set<Long> baseline = null;
      Set<Long> seenFinished = new HashSet<>();
      int narrow = 0;
      boolean runningOlderThanFinished = false;
      try (Connection c = new SqlConnector(TIMEOUT).open(target)) {
        for (Step step : steps) {
          switch (step.kind()) {
            case ADVANCE -> simClock.advance(Duration.ofMinutes(step.amount()));
            case OUTAGE -> simClock.advance(Duration.ofDays(step.amount()));
            case LONG_BACKUP -> {
              try (Statement s = c.createStatement()) {
                s.execute(
                    "exec msdb.dbo.rds_backup_database @source_db_name='huge', @s3_arn_to_backup_to="
                        + "'arn:aws:s3:::"
                        + instance.name()
                        + "-backups/huge.bak', @overwrite_s3_backup_file=1");
              }
            }
            case RESTART -> {
              tracker.flush();
              tracker = new TaskTracker(target, Duration.ofMinutes(30), store, clock);
              reader = reader(target, procedure, fullReadHours, clock);
            }
            case KILL_9 -> { // no flush: the state file is what the last save left
              tracker = new TaskTracker(target, Duration.ofMinutes(30), store, clock);
              reader = reader(target, procedure, fullReadHours, clock);
            }
            case POLL -> {
              long watermark = tracker.watermark();
              PollRead read = reader.read(c, tracker);
              tracker.pollSucceeded(read, Duration.ofMillis(1));
              reader.taken(read, tracker.watermark());
              List<TaskRow> all = procedure.all(c);
              reference.pollSucceeded(all, Duration.ofMillis(1));
              Set<Long> finishedNow = new HashSet<>();
              all.stream()
                  .filter(r -> r.lifecycle().isTerminal())
                  .forEach(r -> finishedNow.add(r.taskId()));
              if (baseline == null) {
                baseline = finishedNow;
              }
              seenFinished.addAll(finishedNow);
              if (!read.full()) {
                narrow++;
                // a task still running while a newer one has finished: it holds the watermark below
                // itself
                runningOlderThanFinished |=
                    all.stream()
                        .anyMatch(
                            r ->
                                !r.lifecycle().isTerminal()
                                    && r.taskId() > watermark
                                    && all.stream()
                                        .anyMatch(
                                            o ->
                                                o.lifecycle().isTerminal()
                                                    && o.taskId() > r.taskId()));
              }
              assertThat(read.mode()).isEqualTo(PollRead.FUNCTION);
              assertThat(tracker.snapshot().finished()).isEqualTo(reference.snapshot().finished());
              assertThat(tracker.snapshot().failures()).isEqualTo(reference.snapshot().failures());
              assertThat(tracker.snapshot().backupLastSuccess())
                  .isEqualTo(reference.snapshot().backupLastSuccess());
              assertThat(withoutEta(tracker.snapshot().activeTasks()))
                  .isEqualTo(withoutEta(reference.snapshot().activeTasks()));
              assertThat(tracker.snapshot().resyncCorrections()).isZero();
              Map<Long, TaskRow> kept = new HashMap<>();
              tracker.latestRows().forEach(r -> kept.put(r.taskId(), r));
              for (TaskRow r : all) {
                assertThat(kept.get(r.taskId()))
                    .as("task %s as RDS shows it", r.taskId())
                    .isEqualTo(r);
              }
            }
          }
        }
      }
      if (baseline != null) {
        Set<Long> expected = new HashSet<>(seenFinished);
        expected.removeAll(baseline);
        long counted =
            tracker.snapshot().finished().values().stream().mapToLong(Long::longValue).sum();
        assertThat(counted)
            .as("every task seen finishing after the first poll, once")
            .isEqualTo(expected.size());
      }
      Statistics.label("narrow polls").collect(narrow > 0 ? "some" : "none");
      Statistics.label("narrow polls").coverage(k -> k.check("some").percentage(p -> p >= 60));
      Statistics.label("running task older than a finished one").collect(runningOlderThanFinished);
      Statistics.label("running task older than a finished one")
          .coverage(k -> k.check(true).count(n -> n >= 1));
    }
  }

  private static TaskReader reader(
      InstanceTarget target, TaskStatusQuery procedure, int fullReadHours, Clock clock) {
    return new TaskReader(
        target.name(),
        procedure,
        new TaskFunctionQuery(TIMEOUT),
        Duration.ofHours(fullReadHours),
        clock);
  }

  /**
   * The ETA is estimated from the progress steps an agent saw in memory, and starts afresh after a
   * restart (README, "Database coverage, ETA and cadence"); what is compared here is the tasks.
   */
  private static List<ActiveTask> withoutEta(List<ActiveTask> tasks) {
    return tasks.stream()
        .map(
            t ->
                new ActiveTask(
                    t.row(), t.progressRatio(), t.stalled(), t.queuedSeconds(), Double.NaN))
        .toList();
  }
}
