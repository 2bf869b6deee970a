package io.rdswatch.agent.poll;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.sql.DatabaseCatalogQuery;
import io.rdswatch.agent.sql.PollException;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.agent.track.PollRead;
import io.rdswatch.agent.track.TaskTracker;
import io.rdswatch.exporter.model.PollErrorKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one instance: keeps its one connection (reopened after any failure), reads its task table
 * ({@link TaskReader}), and feeds the outcome to its tracker. {@link #tryStart()} admits one poll
 * at a time; the connection is only touched by the thread that holds that admission.
 */
public final class InstancePoller {

  private static final Logger LOG = LoggerFactory.getLogger(InstancePoller.class);

  private final InstanceTarget target;
  private final TaskTracker tracker;
  private final SqlConnector connector;
  private final TaskReader reader;
  private final CatalogRefresh catalog;
  private final TimeZoneCrossCheck zoneCheck;
  private final Clock clock;
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private volatile boolean retired;
  private Connection connection;
  private volatile PollStatus status = PollStatus.never();

  InstancePoller(
      InstanceTarget target,
      TaskTracker tracker,
      SqlConnector connector,
      TaskReader reader,
      DatabaseCatalogQuery catalogQuery,
      Clock clock) {
    this.catalog = new CatalogRefresh(catalogQuery);
    this.zoneCheck = new TimeZoneCrossCheck(target.name(), target.timezone());
    this.target = target;
    this.tracker = tracker;
    this.connector = connector;
    this.reader = reader;
    this.clock = clock;
  }

  /** How the task table is read: {@link PollRead#FUNCTION} or {@link PollRead#PROCEDURE}. */
  public String mode() {
    return reader.mode();
  }

  public String name() {
    return target.name();
  }

  public InstanceTarget target() {
    return target;
  }

  public TaskTracker tracker() {
    return tracker;
  }

  public PollStatus status() {
    return status;
  }

  /**
   * Whether the server's offset disagrees with the RDS time zone discovery read (false when
   * unknown).
   */
  public boolean timezoneMismatch() {
    return zoneCheck.mismatch();
  }

  /** Claims the right to poll; false while another poll of this instance is queued or running. */
  boolean tryStart() {
    return inFlight.compareAndSet(false, true);
  }

  /** Runs one poll and releases the claim taken by {@link #tryStart()}. */
  void pollAndRelease() {
    try {
      if (!retired) {
        poll();
      }
    } finally {
      release();
    }
  }

  /** Gives the claim back; a retired instance closes and flushes instead of polling again. */
  void release() {
    if (retired) {
      closeAndFlush();
    }
    inFlight.set(false);
  }

  /**
   * Stops this instance for good: no more polls; the connection closes and the state is flushed
   * now, or by the poll that is still running when it ends.
   */
  void retire() {
    retired = true;
    if (tryStart()) {
      closeAndFlush();
    }
  }

  void closeAndFlush() {
    closeConnection();
    tracker.flush();
  }

  private void poll() {
    Instant startedAt = clock.instant();
    long t0 = System.nanoTime();
    try {
      if (connection == null) {
        connection = connector.open(target);
      }
      PollRead read = reader.read(connection, tracker);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      tracker.pollSucceeded(read, took);
      reader.taken(read, tracker.watermark());
      zoneCheck.check(read.serverTime().offset(), startedAt);
      int tasks = tracker.keptTasks(); // a narrow read returns only a few of them
      catalog.refreshIfDue(connection, tracker, startedAt);
      if (!status.ok() && status.polled()) {
        LOG.info("{}: polling again ({} tasks)", target.name(), tasks);
      }
      status = status.succeeded(startedAt, took, tasks);
    } catch (PollException e) {
      failed(startedAt, t0, e);
    } catch (RuntimeException e) {
      // the driver or the tracker choked on something unexpected; report it, never kill the
      // schedule
      failed(startedAt, t0, new PollException(PollErrorKind.PARSE, "unexpected: " + e, 0, e));
    }
  }

  private void failed(Instant startedAt, long t0, PollException e) {
    closeConnection();
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    tracker.pollFailed(e.kind(), took);
    PollStatus.PollError previous = status.lastError();
    boolean repeated =
        previous != null
            && previous.kind() == e.kind()
            && Objects.equals(previous.message(), e.getMessage());
    if (repeated) {
      LOG.debug("{}: poll failed again ({}): {}", target.name(), e.kind().label(), e.getMessage());
    } else {
      LOG.warn("{}: poll failed ({}): {}", target.name(), e.kind().label(), e.getMessage());
    }
    status = status.failed(startedAt, took, e);
  }

  /** Closes the connection; only call while holding the poll claim, or once polling has stopped. */
  void closeConnection() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.debug("{}: closing the connection failed: {}", target.name(), e.getMessage());
      }
    }
  }

  @Override
  public String toString() {
    return "InstancePoller[" + target + "]";
  }
}
