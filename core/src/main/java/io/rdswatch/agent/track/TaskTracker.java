package io.rdswatch.agent.track;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.sql.CatalogDatabase;
import io.rdswatch.agent.sql.KnownRows;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.FailureContext;
import io.rdswatch.exporter.model.InstanceSnapshot;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.ServerTime;
import io.rdswatch.exporter.model.TaskRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one instance's tasks across polls and restarts and publishes an immutable {@link
 * InstanceSnapshot} after each poll.
 *
 * <p>Exactly-once: each poll's new state (counters plus the ids they counted) is saved atomically
 * <em>before</em> it is published. If the process dies first, neither the disk nor any scrape saw
 * the counts and the next poll counts those tasks again; if saving fails, the counts are not
 * published either and the next poll retries. Only live facts (up, active tasks) move on then.
 *
 * <p>A full read's rows must be the whole of rds_task_status (its 36 days): ids below the lowest
 * listed are settled. A narrow read ({@link PollRead}) must hold every task above {@link
 * #watermark()} and every task not finished: every id at or below the watermark is settled, so no
 * task it leaves out can still be counted. It settles only the finished tasks it shows; ids missing
 * from the table are settled by the next full read, which also catches a row a narrow read lacked.
 *
 * <p>Thread-safety: poll callbacks and flush are serialised; {@link #snapshot()} and {@link
 * #latestRows()} are lock-free volatile reads (the rows are kept compressed, see {@link
 * RetainedRows}).
 */
public final class TaskTracker {

  private static final Logger LOG = LoggerFactory.getLogger(TaskTracker.class);

  private final InstanceTarget target;
  private final Duration stallAfter;
  private final StateStore store;
  private final Clock clock;
  private final UnaryOperator<String> databaseLabel;
  private final BackupWindow window;
  private final CoverageSettings coverage;
  private final EtaEstimator eta = new EtaEstimator(); // guarded by this
  private final BackupCadence cadence = new BackupCadence(); // guarded by this
  private final CoverageJudgement coverageJudgement = new CoverageJudgement(); // guarded by this

  /**
   * How long a change of task progress alone may wait for its save. Losing one to a crash only
   * restarts a stall timer at the restart; saving it at every poll of a running backup was most of
   * a steady poll's cost (bench figure 1; README, "Metrics").
   */
  static final Duration PROGRESS_SAVE_EVERY = Duration.ofMinutes(5);

  private InstanceState
      durable; // what the store holds, but for progress waiting for its save; guarded by this
  private Instant savedAt; // of the last successful save
  private boolean progressPending; // durable has progress the store has not
  private boolean up;
  private Instant lastSuccess; // also moves when a save failed: polling itself worked
  private double pollSeconds;
  private LiveView live = LiveView.NONE;
  private String pollMode;
  private long resyncCorrections;
  private boolean narrowSinceFull;
  private List<CatalogDatabase> catalog; // null until the catalog was read
  private Map<BackupKey, Double> expectedIntervals = Map.of();
  private volatile ServerTime serverTime = ServerTime.UTC; // the offset of the last successful read

  private volatile InstanceSnapshot snapshot;
  private volatile RetainedRows latestRows = RetainedRows.NONE;

  public TaskTracker(InstanceTarget target, Duration stallAfter, StateStore store, Clock clock) {
    this(target, stallAfter, store, clock, UnaryOperator.identity());
  }

  /**
   * @param databaseLabel maps a database name to its label value, e.g. to fold one-off drill
   *     scratch databases into one label so counters do not grow a series per drill
   */
  public TaskTracker(
      InstanceTarget target,
      Duration stallAfter,
      StateStore store,
      Clock clock,
      UnaryOperator<String> databaseLabel) {
    this(target, stallAfter, store, clock, databaseLabel, CoverageSettings.DEFAULTS);
  }

  /**
   * @param coverage how the catalog's databases are judged for backup coverage
   */
  public TaskTracker(
      InstanceTarget target,
      Duration stallAfter,
      StateStore store,
      Clock clock,
      UnaryOperator<String> databaseLabel,
      CoverageSettings coverage) {
    this.coverage = Objects.requireNonNull(coverage, "coverage");
    this.target = Objects.requireNonNull(target, "target");
    this.stallAfter = Objects.requireNonNull(stallAfter, "stallAfter");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.databaseLabel = Objects.requireNonNull(databaseLabel, "databaseLabel");
    this.window = parseWindow(target);
    this.durable = loadState();
    this.lastSuccess = durable.lastPollSuccess();
    this.snapshot = build(clock.instant());
  }

  /**
   * Counts newly finished tasks once, updates timestamps, overlaps and stalls, saves, publishes.
   */
  public void pollSucceeded(List<TaskRow> rows, Duration pollDuration) {
    pollSucceeded(rows, Set.of(), pollDuration);
  }

  /**
   * Finished tasks a full read may hold rather than read ({@link KnownRows}): those kept from
   * earlier polls and already settled in the saved state, so that counting never needs their other
   * columns.
   */
  public synchronized KnownRows knownRows() {
    RetainedRows kept = latestRows;
    TaskIdSet settled = durable.settled();
    return key -> settled.contains(key.taskId()) && kept.holds(key);
  }

  /**
   * The settled watermark: every task id at or below it is settled, so a narrow read need only ask
   * for ids above it (and for tasks not finished).
   */
  public synchronized long watermark() {
    return durable.settled().through();
  }

  /**
   * @param held ids of finished tasks the read listed but did not read, on the word of {@link
   *     #knownRows()}
   */
  public synchronized void pollSucceeded(
      List<TaskRow> rows, Set<Long> held, Duration pollDuration) {
    pollSucceeded(PollRead.full(rows, held, PollRead.PROCEDURE), pollDuration);
  }

  /**
   * Takes a full or a narrow read. A full read after narrow ones is also a check of them: rows it
   * finds that the narrow reads left the kept picture without are counted as resync corrections.
   */
  public synchronized void pollSucceeded(PollRead read, Duration pollDuration) {
    Instant now = clock.instant();
    List<TaskRow> copy = read.rows();
    if (read.full() && narrowSinceFull) {
      int differences = latestRows.differences(copy);
      if (differences > 0) {
        resyncCorrections += differences;
        LOG.warn(
            "Instance {}: the periodic full read found {} task(s) that the incremental reads since the last"
                + " one had missed or seen differently; counted from this full read",
            target.name(),
            differences);
      }
    }
    narrowSinceFull = !read.full();
    pollMode = read.mode();
    serverTime = read.serverTime();
    InstanceState next =
        TaskLedger.apply(durable, copy, now, databaseLabel, failureContext(), settleBelow(read));
    if (!durable.baselineTaken()) {
      long history = copy.stream().filter(r -> r.lifecycle().isTerminal()).count();
      LOG.info(
          "Instance {}: first poll without saved state; {} tasks already finished are taken as"
              + " history (not counted), last-success times seeded from them",
          target.name(),
          history);
    }
    // Most polls change nothing durable but the poll time. Rewriting and fsyncing the file for that
    // alone was most of a poll's cost at fleet scale (bench figure 1); the poll time is saved with
    // the next real change, the next failed poll, or flush() at shutdown.
    boolean pollTimeOnly = onlyPollTimeChanged(next);
    boolean progressOnly = !pollTimeOnly && onlyProgressMoved(next);
    boolean saveDue = savedAt == null || !now.isBefore(savedAt.plus(PROGRESS_SAVE_EVERY));
    if ((pollTimeOnly && !(progressPending && saveDue)) || (progressOnly && !saveDue)) {
      progressPending |= progressOnly;
      durable = next;
    } else if (persist(next)) {
      durable = next;
    }
    up = true;
    lastSuccess = now;
    pollSeconds = seconds(pollDuration);
    eta.observe(copy, now);
    cadence.observe(copy, now, databaseLabel);
    expectedIntervals = cadence.learned();
    live =
        LiveView.of(
            copy,
            next.active(),
            now,
            stallAfter,
            window,
            databaseLabel,
            id -> eta.secondsLeft(id, now));
    latestRows =
        read.full()
            ? latestRows.next(copy, read.held())
            : latestRows.merged(copy, read.watermark());
    snapshot = build(now);
  }

  public synchronized void pollFailed(PollErrorKind kind, Duration pollDuration) {
    InstanceState next = durable.withPollError(kind);
    if (persist(next)) {
      durable = next;
    }
    up = false;
    pollSeconds = seconds(pollDuration);
    snapshot = build(clock.instant());
  }

  /** The user databases of a catalog read (see {@link CoverageSettings#refresh()}). */
  public synchronized void catalogRead(List<CatalogDatabase> databases) {
    catalog = List.copyOf(databases);
    snapshot = build(clock.instant());
  }

  /** How the catalog is judged, including how often it should be read. */
  public CoverageSettings coverage() {
    return coverage;
  }

  /** The latest snapshot; never blocks. */
  public InstanceSnapshot snapshot() {
    return snapshot;
  }

  /** Rows of the last successful poll (raw database names), for /api/tasks and the CLI. */
  public List<TaskRow> latestRows() {
    return latestRows.rows();
  }

  /** How many tasks the instance's history holds as of the last successful poll (cheap). */
  public int keptTasks() {
    return latestRows.size();
  }

  /**
   * Saves the current state now (on SIGTERM); every poll already saved, so this only re-asserts.
   */
  public synchronized void flush() {
    persist(durable);
  }

  public InstanceTarget target() {
    return target;
  }

  /**
   * How this instance's failed tasks are classified: its backup window decides generic aborts, read
   * with the server offset of the last successful poll.
   */
  public FailureContext failureContext() {
    return FailureContexts.of(window, serverTime);
  }

  /** The server's offset as the last successful poll measured it; UTC before the first. */
  public ServerTime serverTime() {
    return serverTime;
  }

  /** The durable state as last saved, for tests and diagnostics. */
  public synchronized InstanceState state() {
    return durable;
  }

  private boolean persist(InstanceState state) {
    try {
      store.save(target.name(), state);
      savedAt = clock.instant();
      progressPending = false;
      return true;
    } catch (RuntimeException e) {
      LOG.error(
          "Instance {}: cannot save tracker state ({}); finished tasks of this poll are not"
              + " counted yet and will be counted by the next poll whose save succeeds",
          target.name(),
          e.toString());
      return false;
    }
  }

  /**
   * The same tasks active, each with the start it had; only their percent or stall timers moved.
   */
  private boolean onlyProgressMoved(InstanceState next) {
    Map<Long, ProgressMark> before = durable.active();
    if (!next.active().keySet().equals(before.keySet())) {
      return false;
    }
    for (Map.Entry<Long, ProgressMark> e : next.active().entrySet()) {
      if (!Objects.equals(e.getValue().startedAt(), before.get(e.getKey()).startedAt())) {
        return false;
      }
    }
    return next.withLastPollSuccess(durable.lastPollSuccess()).withActive(before).equals(durable);
  }

  private boolean onlyPollTimeChanged(InstanceState next) {
    return next.withLastPollSuccess(durable.lastPollSuccess()).equals(durable);
  }

  private InstanceState loadState() {
    try {
      return store.load(target.name()).orElseGet(InstanceState::empty);
    } catch (RuntimeException e) {
      LOG.warn(
          "Instance {}: cannot load tracker state ({}); starting fresh",
          target.name(),
          e.toString());
      return InstanceState.empty();
    }
  }

  private static BackupWindow parseWindow(InstanceTarget target) {
    if (target.backupWindow() == null || target.backupWindow().isBlank()) {
      return null;
    }
    try {
      return BackupWindow.parse(target.backupWindow());
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "Instance {}: {}; backup-window overlap detection is off", target.name(), e.getMessage());
      return null;
    }
  }

  private InstanceSnapshot build(Instant now) {
    InstanceState s = durable;
    return new InstanceSnapshot(
        target.name(),
        target.host(),
        target.labels(),
        up,
        pollSeconds,
        lastSuccess,
        s.counters(),
        live.activeTasks(),
        live.overlappingDatabases(),
        target.backupWindow(),
        now,
        live.otherLifecycle(),
        pollMode,
        resyncCorrections,
        catalog == null
            ? List.of()
            : coverageJudgement.of(catalog, s.backupLastSuccess(), coverage, now),
        expectedIntervals);
  }

  /**
   * For a full read, the lowest task id it listed, read or held: every id below it has left RDS's
   * history. A narrow read proves no such thing (0).
   */
  private static long settleBelow(PollRead read) {
    if (!read.full()) {
      return 0;
    }
    long lowest = Long.MAX_VALUE;
    for (TaskRow r : read.rows()) {
      lowest = Math.min(lowest, r.taskId());
    }
    for (long id : read.held()) {
      lowest = Math.min(lowest, id);
    }
    return lowest == Long.MAX_VALUE ? 0 : lowest;
  }

  private static double seconds(Duration d) {
    return d == null ? 0 : d.toNanos() / 1e9;
  }
}
