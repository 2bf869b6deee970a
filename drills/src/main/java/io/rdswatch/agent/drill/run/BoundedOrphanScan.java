package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.instance.InstanceTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orphan scan with a bound on its total time (`drills.orphanScanTimeout`, see the README's
 * drill configuration). Each instance is read on a worker thread; once the bound is spent the scan
 * stops waiting, aborts the connection in use (a hung instance can otherwise hold a read for the
 * whole query and socket timeouts), logs which instances it did not reach and counts the time-out.
 * Those instances keep their last counts, and the next scan continues with them: instances are read
 * in the order they were last tried, oldest first, so one that always hangs cannot keep the others
 * unread. Thread-safe.
 */
public final class BoundedOrphanScan {

  private static final Logger LOG = LoggerFactory.getLogger(BoundedOrphanScan.class);

  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "rdswatch-orphan-scan");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong timeouts = new AtomicLong();
  private final AtomicLong tries = new AtomicLong();
  private final Map<String, Long> lastTried = new ConcurrentHashMap<>();

  /** Scans that gave up because they ran past their bound, since the agent started. */
  public long timeouts() {
    return timeouts.get();
  }

  /** Per instance reached within {@code bound}, as {@link OrphanScan#survey} counts them. */
  public Map<String, OrphanScan.Counts> survey(
      DrillContext ctx,
      String prefix,
      List<InstanceTarget> targets,
      Supplier<List<DrillRecord>> journals,
      Duration bound) {
    List<InstanceTarget> instances =
        targets.stream()
            .sorted(Comparator.comparingLong(t -> lastTried.getOrDefault(t.name(), -1L)))
            .toList();
    ScratchNames names = ctx.scratchNames(prefix);
    long deadline = System.nanoTime() + bound.toNanos();
    Map<String, OrphanScan.Counts> out = new HashMap<>();
    for (int i = 0; i < instances.size(); i++) {
      InstanceTarget t = instances.get(i);
      InFlight open = new InFlight();
      lastTried.put(t.name(), tries.incrementAndGet());
      Future<OrphanScan.Counts> one =
          workers.submit(() -> OrphanScan.surveyOne(ctx, names, t, journals, open::opened));
      try {
        out.put(t.name(), one.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        open.giveUp();
        one.cancel(true);
        timeouts.incrementAndGet();
        LOG.warn(
            "orphan scan gave up after {} (drills.orphanScanTimeout) at {}; not scanned this time: {}",
            bound,
            t.name(),
            instances.subList(i, instances.size()).stream().map(InstanceTarget::name).toList());
        break;
      } catch (ExecutionException e) {
        LOG.debug("orphan scan of {} skipped: {}", t.name(), e.getCause().getMessage());
      } catch (InterruptedException e) {
        open.giveUp();
        one.cancel(true);
        Thread.currentThread().interrupt();
        break;
      }
    }
    return out;
  }

  /**
   * The connection of one instance's read; one opened after the scan gave up is aborted at once.
   */
  private final class InFlight {
    private final AtomicReference<Connection> connection = new AtomicReference<>();
    private volatile boolean gaveUp;

    void opened(Connection c) {
      connection.set(c);
      if (gaveUp) {
        abort(connection.getAndSet(null));
      }
    }

    void giveUp() {
      gaveUp = true;
      abort(connection.getAndSet(null));
    }
  }

  /** On a worker: mssql-jdbc's close waits for the statement in flight, which is what hangs. */
  private void abort(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.abort(workers);
    } catch (SQLException | RuntimeException e) { // RejectedExecutionException once stopped
      LOG.debug("cannot abort the orphan scan's connection: {}", e.getMessage());
    }
  }

  /** Stops the workers; one still waiting on an instance is interrupted. */
  public void close() {
    workers.shutdownNow();
  }
}
