package io.rdswatch.agent.drill.schedule;

import io.rdswatch.agent.drill.config.DrillsConfig;
import io.rdswatch.agent.drill.config.RetentionConfig;
import io.rdswatch.agent.drill.journal.DrillHistory;
import io.rdswatch.agent.drill.journal.JournalRetention;
import io.rdswatch.agent.drill.run.BoundedOrphanScan;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.OrphanScan;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drill journal retention (hourly) and the orphan scan (every 10 minutes), on a thread of their
 * own: deleting thousands of journals or waiting on a hung instance must not hold up the scheduler
 * thread, which fires the drills. One round at a time; a round still running when the next is due
 * defers it to a later tick. Both are bounded: retention by the journals on disk, the scan by
 * `drills.orphanScanTimeout`.
 */
final class DrillHousekeeping {

  private static final Logger LOG = LoggerFactory.getLogger(DrillHousekeeping.class);
  static final Duration ORPHAN_SCAN = Duration.ofMinutes(10);
  static final Duration RETENTION = Duration.ofHours(1);

  private final DrillsConfig config;
  private final DrillContext ctx;
  private final DrillHistory history;
  private final DrillTargets targets;
  private final ExecutorService thread;
  private final Executor executor;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final BoundedOrphanScan scan = new BoundedOrphanScan();
  private volatile Map<String, OrphanScan.Counts> scratch = Map.of();
  private Instant nextOrphanScan = Instant.MIN;
  private Instant nextRetention = Instant.MIN;

  /**
   * @param ownThread false runs each round on the thread that asks for it (tests calling tick())
   */
  DrillHousekeeping(
      DrillsConfig config,
      DrillContext ctx,
      DrillHistory history,
      DrillTargets targets,
      boolean ownThread) {
    this.config = config;
    this.ctx = ctx;
    this.history = history;
    this.targets = targets;
    this.thread =
        ownThread
            ? Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "rdswatch-drill-housekeeping");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    this.executor = ownThread ? thread : Runnable::run;
  }

  /**
   * Starts what is due at {@code now}, unless a round is still running. Called by the scheduler
   * thread only.
   */
  void due(Instant now) {
    boolean retain = !now.isBefore(nextRetention);
    boolean survey = !now.isBefore(nextOrphanScan);
    if (!(retain || survey) || !busy.compareAndSet(false, true)) {
      return;
    }
    nextRetention = retain ? now.plus(RETENTION) : nextRetention;
    nextOrphanScan = survey ? now.plus(ORPHAN_SCAN) : nextOrphanScan;
    try {
      executor.execute(() -> round(now, retain, survey));
    } catch (RejectedExecutionException e) {
      busy.set(false); // stopping
    }
  }

  private void round(Instant now, boolean retain, boolean survey) {
    try {
      if (retain) {
        RetentionConfig keep = config.getRetention();
        new JournalRetention(history.journal(), keep.maxAge(), keep.maxCount())
            .prune(history.all(), now);
      }
      if (survey) {
        Map<String, OrphanScan.Counts> merged = new LinkedHashMap<>(scratch);
        merged.putAll(
            scan.survey(
                ctx,
                config.getScratchPrefix(),
                targets.scanned(history.all()),
                history::all,
                config.orphanScanTimeout()));
        scratch = Map.copyOf(merged);
      }
    } catch (RuntimeException e) {
      LOG.error("drill housekeeping failed", e);
    } finally {
      busy.set(false);
    }
  }

  Map<String, OrphanScan.Counts> scratch() {
    return scratch;
  }

  long orphanScanTimeouts() {
    return scan.timeouts();
  }

  void stop() {
    if (thread != null) {
      thread.shutdownNow();
    }
    scan.close();
  }
}
