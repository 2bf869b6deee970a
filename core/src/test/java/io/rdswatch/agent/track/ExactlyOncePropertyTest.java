package io.rdswatch.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.track.MemoryStateStore.Fault;
import io.rdswatch.agent.track.MemoryStateStore.SimulatedCrash;
import io.rdswatch.exporter.model.FinishedKey;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * For any schedule of tasks and any interleaving of polls, failed polls, restarts, kills before and
 * after a save commits and outages longer than the 36-day history: every task is counted at most
 * once, exactly the tasks a committed poll saw finish after the first committed poll are counted,
 * and no published counter ever goes down, even across restarts.
 */
class ExactlyOncePropertyTest {

  private static final Instant T0 = Instant.parse("2025-03-10T00:00:00Z");
  private static final Lifecycle[] OUTCOMES = {
    Lifecycle.SUCCESS, Lifecycle.ERROR, Lifecycle.CANCELLED
  };

  /** Minutes after T0; one database per task so the counters identify each task. */
  record Task(long id, int created, int queued, int runs, Lifecycle outcome) {

    TaskRow rowAt(Instant now) {
      Instant createdAt = T0.plus(Duration.ofMinutes(created));
      Instant startAt = createdAt.plus(Duration.ofMinutes(queued));
      Instant endAt = startAt.plus(Duration.ofMinutes(runs));
      Lifecycle lifecycle;
      int pct;
      Instant updated;
      if (now.isBefore(startAt)) {
        lifecycle = Lifecycle.CREATED;
        pct = 0;
        updated = createdAt;
      } else if (now.isBefore(endAt)) {
        lifecycle = Lifecycle.IN_PROGRESS;
        pct =
            (int)
                Math.min(99, Duration.between(startAt, now).toMinutes() * 100 / Math.max(1, runs));
        updated = now;
      } else {
        lifecycle = outcome;
        pct = outcome == Lifecycle.SUCCESS ? 100 : 50;
        updated = endAt;
      }
      String info = outcome == Lifecycle.ERROR ? "Access Denied" : "";
      return Rows.row(id, "BACKUP_DB", "db" + id, lifecycle.name(), pct, createdAt, updated, info);
    }
  }

  enum Kind {
    POLL,
    FAILED_POLL,
    ADVANCE,
    RESTART,
    KILL_BEFORE_COMMIT,
    KILL_AFTER_COMMIT,
    OUTAGE
  }

  record Step(Kind kind, int amount) {}

  @Provide
  Arbitrary<List<Task>> tasks() {
    Arbitrary<int[]> spec =
        Combinators.combine(
                Arbitraries.integers().between(-600, 2000),
                Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 2))
            .as((c, q, r, o) -> new int[] {c, q, r, o});
    return spec.list()
        .ofMinSize(3)
        .ofMaxSize(25)
        .map(
            specs -> {
              List<int[]> sorted = new ArrayList<>(specs);
              sorted.sort((a, b) -> Integer.compare(a[0], b[0])); // ids grow with creation time
              List<Task> out = new ArrayList<>();
              for (int i = 0; i < sorted.size(); i++) {
                int[] s = sorted.get(i);
                out.add(new Task(i + 1, s[0], s[1], s[2], OUTCOMES[s[3]]));
              }
              return out;
            });
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(12, Arbitraries.just(new Step(Kind.POLL, 0))),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(new Step(Kind.FAILED_POLL, 0))),
            net.jqwik.api.Tuple.of(
                8, Arbitraries.integers().between(1, 300).map(m -> new Step(Kind.ADVANCE, m))),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(new Step(Kind.RESTART, 0))),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(new Step(Kind.KILL_BEFORE_COMMIT, 0))),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(new Step(Kind.KILL_AFTER_COMMIT, 0))),
            net.jqwik.api.Tuple.of(
                1, Arbitraries.integers().between(1, 45).map(d -> new Step(Kind.OUTAGE, d))));
    return step.list().ofMinSize(5).ofMaxSize(60);
  }

  @Property(tries = 400)
  void everyFinishedTaskIsCountedExactlyOnce(
      @ForAll("tasks") List<Task> tasks, @ForAll("steps") List<Step> steps) {
    SteppedClock clock = new SteppedClock(T0);
    MemoryStateStore store = new MemoryStateStore();
    List<Set<Long>> committedTerminal = new ArrayList<>();
    TaskTracker tracker = newTracker(store, clock);
    long published = 0;
    for (Step step : steps) {
      switch (step.kind()) {
        case POLL -> {
          List<TaskRow> rows = rows(tasks, clock.instant());
          tracker.pollSucceeded(rows, Duration.ZERO);
          committedTerminal.add(terminalIds(rows));
        }
        case FAILED_POLL -> tracker.pollFailed(PollErrorKind.TIMEOUT, Duration.ZERO);
        case ADVANCE -> clock.advance(Duration.ofMinutes(step.amount()));
        case RESTART -> tracker = newTracker(store, clock);
        case KILL_BEFORE_COMMIT, KILL_AFTER_COMMIT -> {
          boolean commits = step.kind() == Kind.KILL_AFTER_COMMIT;
          store.failNextSave(commits ? Fault.CRASH_AFTER_COMMIT : Fault.CRASH_BEFORE_COMMIT);
          List<TaskRow> rows = rows(tasks, clock.instant());
          try {
            tracker.pollSucceeded(rows, Duration.ZERO);
            // nothing durable changed, so nothing was written (only the poll time, kept in memory):
            // the kill lost nothing and is a plain restart
            store.failNextSave(Fault.NONE);
            committedTerminal.add(terminalIds(rows));
          } catch (SimulatedCrash expected) {
            if (commits) {
              committedTerminal.add(terminalIds(rows));
            }
          }
          tracker = newTracker(store, clock);
        }
        case OUTAGE -> {
          clock.advance(Duration.ofDays(step.amount()));
          tracker = newTracker(store, clock);
        }
      }
      long now = tracker.snapshot().finished().values().stream().mapToLong(Long::longValue).sum();
      assertThat(now)
          .as("published finished count never decreases")
          .isGreaterThanOrEqualTo(published);
      published = now;
    }

    Set<Long> expected = new HashSet<>();
    for (int i = 1; i < committedTerminal.size(); i++) {
      expected.addAll(committedTerminal.get(i));
    }
    if (!committedTerminal.isEmpty()) {
      expected.removeAll(committedTerminal.get(0));
    }
    Statistics.label("tasks counted").collect(expected.isEmpty() ? "none" : "some");
    Statistics.label("tasks counted").coverage(c -> c.check("some").percentage(p -> p >= 50));
    Map<Long, Lifecycle> counted = new HashMap<>();
    for (Map.Entry<FinishedKey, Long> e : tracker.state().finished().entrySet()) {
      assertThat(e.getValue()).as("task %s counted once", e.getKey()).isEqualTo(1L);
      counted.put(Long.parseLong(e.getKey().database().substring(2)), e.getKey().lifecycle());
    }
    assertThat(counted.keySet()).isEqualTo(expected);
    counted.forEach(
        (id, lifecycle) -> assertThat(lifecycle).isEqualTo(tasks.get((int) (id - 1)).outcome()));
    long successes = counted.values().stream().filter(l -> l == Lifecycle.SUCCESS).count();
    long errors = counted.values().stream().filter(l -> l == Lifecycle.ERROR).count();
    long durations = tracker.state().durations().values().stream().mapToLong(h -> h.count()).sum();
    assertThat(durations).isEqualTo(successes);
    assertThat(tracker.state().failures().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(errors);
    tracker.flush(); // a poll that changed only the poll time is written at shutdown
    assertThat(store.load("orders-prod").orElse(InstanceState.empty())).isEqualTo(tracker.state());
  }

  private static TaskTracker newTracker(MemoryStateStore store, SteppedClock clock) {
    return new TaskTracker(Rows.target("orders-prod", null), Duration.ofMinutes(30), store, clock);
  }

  /** What rds_task_status lists at {@code now}: created tasks of the last 36 days. */
  private static List<TaskRow> rows(List<Task> tasks, Instant now) {
    List<TaskRow> rows = new ArrayList<>();
    for (Task t : tasks) {
      Instant created = T0.plus(Duration.ofMinutes(t.created()));
      if (!created.isAfter(now) && created.isAfter(now.minus(Duration.ofDays(36)))) {
        rows.add(t.rowAt(now));
      }
    }
    return rows;
  }

  private static Set<Long> terminalIds(List<TaskRow> rows) {
    Set<Long> ids = new HashSet<>();
    rows.stream().filter(r -> r.lifecycle().isTerminal()).forEach(r -> ids.add(r.taskId()));
    return ids;
  }
}
