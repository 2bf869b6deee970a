package io.rdswatch.agent.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.drill.config.DrillCheckConfig;
import io.rdswatch.agent.drill.config.DrillScheduleConfig;
import io.rdswatch.agent.drill.config.DrillsConfig;
import io.rdswatch.agent.drill.journal.DrillHistory;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.run.Pacer;
import io.rdswatch.agent.drill.schedule.DrillPlans;
import io.rdswatch.agent.drill.schedule.DrillService;
import io.rdswatch.agent.drill.sim.DrillSim;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cron schedules under an injected clock, and several agents sharing one schedule. */
class DrillScheduleE2eTest {

  /** Saturday evening; the schedule fires on Sunday 04:00 UTC. */
  static final Instant SATURDAY = Instant.parse("2026-11-28T22:00:00Z");

  @TempDir Path dir;
  DrillSim sim;

  @BeforeEach
  void start() throws Exception {
    sim = new DrillSim(SATURDAY);
    sim.backup("orders-prod", "Orders");
    sim.backup("orders-prod", "Sales");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  static DrillsConfig config(String... databases) {
    return new DrillsConfig()
        .withSchedules(
            List.of(
                new DrillScheduleConfig("weekly-orders", "0 4 * * SUN", null, List.of(databases))
                    .withLabelSelector(Map.of("env", "prod"))
                    .withTargetInstance("orders-prod")
                    .withChecks(
                        List.of(
                            DrillCheckConfig.checkdb(),
                            DrillCheckConfig.sql("SELECT COUNT_BIG(*) FROM dbo.Orders", ">= 1000")))
                    .withRtoTarget(Duration.ofHours(2))));
  }

  DrillService agent(Path state, DrillsConfig config, Pacer pacer, long seed) {
    return agent(state, config, pacer, seed, Duration.ZERO);
  }

  /** An agent whose clock is {@code skew} ahead of the instance's (behind when negative). */
  DrillService agent(Path state, DrillsConfig config, Pacer pacer, long seed, Duration skew) {
    DrillContext base = sim.context(state, DrillSim.settings(), seed);
    DrillContext ctx =
        new DrillContext(
            base.settings(),
            () -> List.of(sim.target("orders-prod", "03:00-03:30")),
            base.connections(),
            base.journal(),
            java.time.InstantSource.offset(base.clock(), skew),
            pacer,
            base.random(),
            "agent-" + seed);
    return new DrillService(
        new DrillPlans(config),
        new DrillRunner(ctx),
        new DrillHistory(new DrillJournal(state)),
        false,
        false);
  }

  @Test
  void aCronScheduleFiresAtItsTimeUnderTheInjectedClock() throws Exception {
    Path state = dir.resolve("a");
    DrillService agent = agent(state, config("Ord*"), sim.clock::advance, 1);
    DrillJournal journal = new DrillJournal(state);

    agent.tick();
    sim.clock.set(Instant.parse("2026-11-29T03:59:00Z"));
    agent.tick();
    assertThat(journal.list()).isEmpty();

    sim.clock.set(Instant.parse("2026-11-29T04:00:00Z"));
    agent.tick();

    assertThat(journal.list())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS);
              assertThat(r.plan().drill()).isEqualTo("weekly-orders");
              assertThat(r.plan().trigger()).isEqualTo("schedule");
              assertThat(r.plan().database()).isEqualTo("Orders");
              assertThat(r.plan().scheduledFor()).isEqualTo(Instant.parse("2026-11-29T04:00:00Z"));
              assertThat(r.plan().rtoTargetSeconds()).isEqualTo(7200);
            });
    agent.tick();
    assertThat(journal.list()).hasSize(1);

    sim.clock.set(Instant.parse("2026-12-06T04:00:30Z"));
    agent.tick();
    assertThat(journal.list()).hasSize(2);
  }

  @Test
  void databasesStarDrillsEveryUserDatabaseOneAtATime() throws Exception {
    Path state = dir.resolve("a");
    DrillService agent = agent(state, config("*"), sim.clock::advance, 1);
    sim.clock.set(Instant.parse("2026-11-29T04:00:00Z"));

    agent.tick();

    List<DrillRecord> all = new DrillJournal(state).list();
    Map<String, String> byDatabase = new java.util.TreeMap<>();
    all.forEach(r -> byDatabase.put(r.plan().database(), r.status().label()));
    assertThat(byDatabase)
        .containsExactly(
            Map.entry("Big", "skipped"),
            Map.entry("Orders", "success"),
            Map.entry("Sales", "verify_failed"),
            Map.entry("Vault", "skipped"));
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).startedAt()).isAfterOrEqualTo(all.get(i - 1).finishedAt());
    }
  }

  @Test
  void twoAgentsSharingAScheduleRunExactlyOneDrill() throws Exception {
    CountDownLatch restoring = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Pacer holdsFirstPause =
        d -> {
          if (restoring.getCount() > 0) {
            restoring.countDown();
            release.await(30, TimeUnit.SECONDS);
          }
          sim.clock.advance(d);
        };
    DrillService a = agent(dir.resolve("a"), config("Orders"), holdsFirstPause, 1);
    DrillService b = agent(dir.resolve("b"), config("Orders"), sim.clock::advance, 2);
    DrillService c = agent(dir.resolve("c"), config("Orders"), sim.clock::advance, 3);
    sim.clock.set(Instant.parse("2026-11-29T04:00:00Z"));

    Thread first = new Thread(a::tick);
    first.start();
    assertThat(restoring.await(30, TimeUnit.SECONDS)).isTrue();
    b.tick(); // while a's restore runs: a holds the target's drill lock
    release.countDown();
    first.join(30_000);
    c.tick(); // after a finished: a's restore task for this firing is in rds_task_status

    assertThat(new DrillJournal(dir.resolve("a")).list())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS));
    assertThat(new DrillJournal(dir.resolve("b")).list())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(DrillStatus.SKIPPED);
              assertThat(r.reasonCode()).isEqualTo("locked");
            });
    assertThat(new DrillJournal(dir.resolve("c")).list())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(DrillStatus.SKIPPED);
              assertThat(r.reasonCode()).isEqualTo("already_run");
            });
    assertThat(sim.calls("rds_restore_database")).hasSize(1);
  }

  @Test
  void aServerClockMinutesBehindTheAgentsStillStopsASecondRunOfTheFiring() throws Exception {
    Duration skew = Duration.ofMinutes(3);
    DrillService a = agent(dir.resolve("a"), config("Orders"), sim.clock::advance, 1, skew);
    DrillService c = agent(dir.resolve("c"), config("Orders"), sim.clock::advance, 3, skew);
    a.tick();
    c.tick();
    // 04:00 on the agents' clocks; the instance's created_at for a's restore says 03:57
    sim.clock.set(Instant.parse("2026-11-29T03:57:00Z"));

    a.tick();
    c.tick();

    assertThat(new DrillJournal(dir.resolve("a")).list())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS));
    assertThat(new DrillJournal(dir.resolve("c")).list())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(DrillStatus.SKIPPED);
              assertThat(r.reasonCode()).isEqualTo("already_run");
            });
    assertThat(sim.calls("rds_restore_database")).hasSize(1);
  }

  @Test
  void aServerClockMinutesAheadDoesNotTakeAnEarlierDrillForTheFiring() throws Exception {
    DrillService agent =
        agent(dir.resolve("a"), config("Orders"), sim.clock::advance, 1, Duration.ofMinutes(-3));
    agent.tick();
    // a drill by hand at 03:58 on the agent's clock: its restore's created_at says 04:01, after the
    // firing
    sim.clock.set(Instant.parse("2026-11-29T04:01:00Z"));
    agent.submit("orders-prod", "Orders", "api");
    sim.clock.set(sim.clock.now().plus(Duration.ofMinutes(5)));

    agent.tick();

    List<DrillRecord> all = new DrillJournal(dir.resolve("a")).list();
    assertThat(all).hasSize(2);
    assertThat(all)
        .allSatisfy(r -> assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS));
    assertThat(all)
        .filteredOn(r -> r.plan().scheduledFor() != null)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.plan().scheduledFor())
                    .isEqualTo(Instant.parse("2026-11-29T04:00:00Z")));
    assertThat(sim.calls("rds_restore_database")).hasSize(2);
  }

  @Test
  void aPrefixedDatabaseNoJournalKnowsIsCountedAsOrphanAndNeverDropped() throws Exception {
    sim.instance("orders-prod")
        .addDatabase(
            io.rdswatch.simulator.rds.DatabaseSpec.of("RDSWATCH_DRILL_left_by_someone", 8));
    DrillService agent = agent(dir.resolve("a"), config("Orders"), sim.clock::advance, 1);
    sim.clock.set(Instant.parse("2026-11-29T04:00:00Z"));

    agent.tick();

    assertThat(new DrillJournal(dir.resolve("a")).list())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(DrillStatus.SUCCESS));
    assertThat(agent.orphans()).containsExactly(Map.entry("orders-prod", 1));
    assertThat(sim.calls("rds_drop_database"))
        .singleElement()
        .satisfies(
            c -> assertThat((String) c.params().get("@P0")).startsWith("rdswatch_drill_Orders_"));
    assertThat(sim.databases("orders-prod")).contains("RDSWATCH_DRILL_left_by_someone");
  }
}
