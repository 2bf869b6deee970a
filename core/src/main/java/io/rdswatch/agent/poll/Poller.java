package io.rdswatch.agent.poll;

import io.dropwizard.lifecycle.Managed;
import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.sql.DatabaseCatalogQuery;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.agent.sql.TaskFunctionQuery;
import io.rdswatch.agent.sql.TaskStatusQuery;
import io.rdswatch.agent.track.CoverageSettings;
import io.rdswatch.agent.track.StateStore;
import io.rdswatch.agent.track.TaskTracker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every instance the {@link InstanceSource} names, each on its own fixed-rate schedule offset
 * within the interval (a stable hash of its name), so polls are spread out rather than fired at
 * once. A tick hands the poll to a pool of poll.concurrency workers unless the previous poll of
 * that instance is still queued or running. Every poll is bounded by the JDBC timeouts, so a slow
 * instance only ever holds its own worker. On stop, in-flight polls finish, connections close, and
 * every tracker flushes its state.
 */
public final class Poller implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

  private final InstanceSource source;
  private final FleetState fleet;
  private final Duration interval;
  private final Function<InstanceTarget, InstancePoller> factory;
  private final ScheduledExecutorService ticker;
  private final ThreadPoolExecutor workers;
  private final Map<String, ScheduledFuture<?>> schedules = new HashMap<>();
  private final boolean scheduled;
  private ScheduledFuture<?> refresher;
  private boolean started;

  /**
   * @param ticker runs the per-instance ticks and the target refresh
   * @param scheduled false for tests and benchmarks that drive every cycle with {@link #pollOnce()}
   */
  public Poller(
      InstanceSource source,
      PollConfig config,
      StateStore store,
      FleetState fleet,
      Clock clock,
      ScheduledExecutorService ticker,
      boolean scheduled) {
    this(source, config, CoverageSettings.DEFAULTS, store, fleet, clock, ticker, scheduled);
  }

  /**
   * @param coverage how each instance's databases are judged for backup coverage
   */
  public Poller(
      InstanceSource source,
      PollConfig config,
      CoverageSettings coverage,
      StateStore store,
      FleetState fleet,
      Clock clock,
      ScheduledExecutorService ticker,
      boolean scheduled) {
    this.source = source;
    this.scheduled = scheduled;
    this.fleet = fleet;
    this.interval = config.interval();
    this.ticker = ticker;
    SqlConnector connector = new SqlConnector(config.timeout());
    TaskStatusQuery query = new TaskStatusQuery(config.timeout());
    TaskFunctionQuery function = new TaskFunctionQuery(config.timeout());
    Duration stallAfter = config.stallAfter();
    Duration fullReadEvery = config.fullReadEvery();
    DatabaseCatalogQuery catalog = new DatabaseCatalogQuery(config.timeout());
    this.factory =
        target ->
            new InstancePoller(
                target,
                new TaskTracker(
                    target, stallAfter, store, clock, UnaryOperator.identity(), coverage),
                connector,
                new TaskReader(target.name(), query, function, fullReadEvery, clock),
                catalog,
                clock);
    this.workers =
        new ThreadPoolExecutor(
            config.concurrency(),
            config.concurrency(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            PollThreads.named("rdswatch-poll"));
    this.workers.allowCoreThreadTimeOut(true);
  }

  public FleetState fleet() {
    return fleet;
  }

  @Override
  public synchronized void start() {
    started = scheduled;
    refreshTargets();
    if (scheduled) {
      long period = interval.toMillis();
      refresher =
          ticker.scheduleWithFixedDelay(
              this::refreshTargets, period, period, TimeUnit.MILLISECONDS);
      LOG.info("polling {} instance(s) every {}s", fleet.instances().size(), interval.toSeconds());
    }
  }

  /** Brings the polled set in line with the source: new names start, vanished names stop. */
  public synchronized void refreshTargets() {
    List<InstanceTarget> targets;
    try {
      targets = source.targets();
    } catch (RuntimeException e) {
      LOG.warn(
          "cannot list instances, keeping the current {}: {}",
          fleet.instances().size(),
          e.toString());
      return;
    }
    Map<String, InstanceTarget> wanted =
        targets.stream().collect(Collectors.toMap(InstanceTarget::name, t -> t, (a, b) -> a));
    for (InstancePoller current : fleet.instances()) {
      InstanceTarget next = wanted.get(current.name());
      if (next == null || !sameEndpoint(current.target(), next)) {
        stop(current);
      }
    }
    Set<String> running =
        fleet.instances().stream().map(InstancePoller::name).collect(Collectors.toSet());
    wanted.values().stream().filter(t -> !running.contains(t.name())).forEach(this::begin);
  }

  /**
   * Polls every instance once, now, and waits for all of them: for tests and benchmarks, which
   * drive cycles themselves instead of waiting for the schedule. Instances already mid-poll are
   * skipped.
   */
  public void pollOnce() {
    List<CompletableFuture<Void>> polls = new ArrayList<>();
    for (InstancePoller p : fleet.instances()) {
      if (p.tryStart()) {
        polls.add(CompletableFuture.runAsync(p::pollAndRelease, workers));
      }
    }
    CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).join();
  }

  @Override
  public synchronized void stop() throws InterruptedException {
    started = false;
    if (refresher != null) {
      refresher.cancel(false);
    }
    schedules.values().forEach(s -> s.cancel(false));
    schedules.clear();
    workers.shutdown();
    if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
      LOG.warn("polls still running after 30s; flushing state anyway");
      workers.shutdownNow();
    }
    fleet.instances().forEach(InstancePoller::closeAndFlush);
    LOG.info("stopped polling; state of {} instance(s) flushed", fleet.instances().size());
  }

  private void begin(InstancePoller instance) {
    fleet.put(instance);
    if (started) {
      long period = interval.toMillis();
      long offset = offset(instance.name(), period);
      schedules.put(
          instance.name(),
          ticker.scheduleAtFixedRate(() -> tick(instance), offset, period, TimeUnit.MILLISECONDS));
    }
  }

  private void begin(InstanceTarget target) {
    LOG.info(
        "{}: watching {}:{} ({})", target.name(), target.host(), target.port(), target.origin());
    begin(factory.apply(target));
  }

  private void stop(InstancePoller instance) {
    LOG.info("{}: no longer watched", instance.name());
    ScheduledFuture<?> schedule = schedules.remove(instance.name());
    if (schedule != null) {
      schedule.cancel(false);
    }
    fleet.remove(instance);
    instance.retire();
  }

  private void tick(InstancePoller instance) {
    if (!instance.tryStart()) {
      LOG.debug("{}: previous poll still running; skipping this tick", instance.name());
      return;
    }
    try {
      workers.execute(instance::pollAndRelease);
    } catch (RejectedExecutionException e) {
      instance.release(); // stopping
    }
  }

  /** A stable position within the interval, so restarts keep each instance's rhythm. */
  static long offset(String name, long periodMillis) {
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    return Math.floorMod(crc.getValue(), periodMillis);
  }

  /** The same instance unless where or how we connect, or what we label it, has changed. */
  private static boolean sameEndpoint(InstanceTarget a, InstanceTarget b) {
    return a.host().equals(b.host())
        && a.port() == b.port()
        && a.username().equals(b.username())
        && a.jdbcProperties().equals(b.jdbcProperties())
        && a.labels().equals(b.labels())
        && Objects.equals(a.backupWindow(), b.backupWindow())
        && a.origin().equals(b.origin());
  }
}
