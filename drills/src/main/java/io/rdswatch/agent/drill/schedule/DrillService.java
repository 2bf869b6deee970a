package io.rdswatch.agent.drill.schedule;

import io.dropwizard.lifecycle.Managed;
import io.rdswatch.agent.drill.journal.DrillHistory;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.run.Recovery;
import io.rdswatch.agent.drill.run.ScratchNames;
import io.rdswatch.agent.drill.sql.CatalogQueries;
import io.rdswatch.agent.instance.InstanceTarget;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's drill machinery: fires cron schedules, runs drills one at a time per target (and at
 * most drills.concurrency at once), takes over unfinished drills nobody owns, and counts orphans.
 * {@link #tick()} does one round; the ticker calls it every few seconds, tests call it directly.
 */
public final class DrillService implements Managed, DrillLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(DrillService.class);
  static final Duration TICK = Duration.ofSeconds(15);

  private final DrillPlans plans;
  private final DrillHistory history;
  private final DrillRunner runner;
  private final Recovery recovery;
  private final DrillTargets targets;
  private final ExecutorService pool;
  private final SerialQueues queues;
  private final boolean ticking;
  private final Predicate<String> owns;
  private final Set<String> recovering = ConcurrentHashMap.newKeySet();
  private final Map<String, DrillPlan> queued = new ConcurrentHashMap<>();
  private final DrillHousekeeping housekeeping;
  private volatile DrillScheduler scheduler;
  private ScheduledExecutorService ticker;

  /**
   * @param threads run drills on a pool of drills.concurrency threads; false runs them on the
   *     calling thread (tests)
   * @param ticking tick every few seconds once started; false: only when {@link #tick()} is called
   */
  public DrillService(
      DrillPlans plans,
      DrillRunner runner,
      DrillHistory history,
      boolean threads,
      boolean ticking) {
    this(plans, runner, history, threads, ticking, name -> true);
  }

  /**
   * @param owns the source instances this agent drills (its shard); targets are looked up among all
   *     instances, so a schedule's targetInstance may belong to another shard
   */
  public DrillService(
      DrillPlans plans,
      DrillRunner runner,
      DrillHistory history,
      boolean threads,
      boolean ticking,
      Predicate<String> owns) {
    this.owns = owns;
    this.plans = plans;
    this.history = history;
    this.runner = runner;
    this.recovery = new Recovery(runner);
    this.targets = new DrillTargets(plans.config(), runner.context(), this::owned);
    this.housekeeping =
        new DrillHousekeeping(plans.config(), runner.context(), history, targets, threads);
    this.ticking = ticking;
    this.pool =
        threads
            ? Executors.newFixedThreadPool(
                plans.config().getConcurrency(), r -> thread(r, "rdswatch-drill"))
            : null;
    this.queues = new SerialQueues(threads ? pool : Runnable::run);
    this.scheduler =
        new DrillScheduler(plans.config().getSchedules(), runner.context().clock().instant());
  }

  @Override
  public void start() {
    scheduler =
        new DrillScheduler(plans.config().getSchedules(), runner.context().clock().instant());
    if (ticking) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "rdswatch-drill-tick"));
      ticker.scheduleWithFixedDelay(this::safeTick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Running drills are interrupted; their journals stay unfinished and the next start recovers
   * them.
   */
  @Override
  public void stop() throws InterruptedException {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    housekeeping.stop();
    if (pool != null) {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.error("drill tick failed", e);
    }
  }

  /**
   * One round: due schedules and unowned unfinished drills; journal retention and the orphan scan
   * are handed to {@link DrillHousekeeping}, so they never delay a firing.
   */
  public void tick() {
    Instant now = runner.context().clock().instant();
    for (DrillScheduler.Firing f : scheduler.due(now)) {
      for (InstanceTarget source : InstanceSelector.select(f.schedule(), owned())) {
        String target =
            f.schedule().getTargetInstance() == null
                ? source.name()
                : f.schedule().getTargetInstance();
        LOG.info(
            "schedule {} fired for {} (drilling on {})",
            f.schedule().getName(),
            source.name(),
            target);
        queues.submit(target, () -> runFiring(f, source));
      }
    }
    List<DrillRecord> all = history.all();
    for (DrillRecord r : all) {
      if (!r.isFinished()
          && !queued.containsKey(r.id())
          && !isLive(r.id())
          && recovering.add(r.id())) {
        queues.submit(r.plan().targetInstance(), () -> recover(r.id()));
      }
    }
    housekeeping.due(now);
  }

  /**
   * Queues a drill by hand (API); its id at once, or empty for an instance unknown to this agent's
   * shard.
   */
  @Override
  public Optional<String> submit(String instance, String database, String trigger) {
    return runner
        .context()
        .target(instance)
        .filter(t -> owns.test(t.name()))
        .map(source -> submit(source, database, trigger));
  }

  private List<InstanceTarget> owned() {
    return runner.context().instances().targets().stream()
        .filter(t -> owns.test(t.name()))
        .toList();
  }

  public String submit(InstanceTarget source, String database, String trigger) {
    DrillPlan plan = plans.manual(source, database, trigger);
    String id = DrillJournal.newId(runner.context().clock().instant());
    queued.put(id, plan);
    queues.submit(
        plan.targetInstance(),
        () -> {
          try {
            runner.run(id, plan, DrillObserver.NONE);
          } catch (IOException e) {
            LOG.error("drill {} could not be journaled: {}", id, e.getMessage());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            queued.remove(id);
          }
        });
    return id;
  }

  /** A drill accepted by {@link #submit} that has not started yet. */
  @Override
  public Optional<DrillPlan> queued(String id) {
    return Optional.ofNullable(queued.get(id));
  }

  public Map<String, Integer> orphans() {
    Map<String, Integer> out = new LinkedHashMap<>();
    housekeeping.scratch().forEach((instance, c) -> out.put(instance, c.orphans()));
    return out;
  }

  /**
   * Scratch databases of finished drills that are still there, per instance, from the last scan.
   */
  public Map<String, Integer> scratchLeft() {
    Map<String, Integer> out = new LinkedHashMap<>();
    housekeeping.scratch().forEach((instance, c) -> out.put(instance, c.left()));
    return out;
  }

  /** Orphan scans that ran past drills.orphanScanTimeout and gave up, since start. */
  public long orphanScanTimeouts() {
    return housekeeping.orphanScanTimeouts();
  }

  private void runFiring(DrillScheduler.Firing f, InstanceTarget source) {
    try {
      for (String db : databases(f, source)) {
        runner.run(plans.scheduled(f.schedule(), source.name(), db, f.at()), DrillObserver.NONE);
      }
    } catch (IOException | SQLException e) {
      LOG.error("schedule {} on {}: {}", f.schedule().getName(), source.name(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<String> databases(DrillScheduler.Firing f, InstanceTarget source)
      throws SQLException {
    DatabaseSelector selector = new DatabaseSelector(f.schedule().getDatabases());
    ScratchNames scratch = runner.context().scratchNames(plans.config().getScratchPrefix());
    if (!selector.needsListing()) {
      return selector.select(List.of(), scratch);
    }
    try (Connection c = runner.context().connections().open(source)) {
      return selector.select(
          CatalogQueries.databases(c, (int) runner.context().settings().queryTimeout().toSeconds()),
          scratch);
    }
  }

  private void recover(String id) {
    try {
      recovery.recoverOne(id, DrillObserver.NONE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      recovering.remove(id);
    }
  }

  private boolean isLive(String id) {
    try {
      return runner.context().journal().isLive(id);
    } catch (IOException e) {
      return true;
    }
  }

  private static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
