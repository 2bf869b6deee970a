package io.rdswatch.simulator.rds;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Faults of one instance, switchable at any time (tests) or set by a scenario. All fields are
 * volatile: connections read them while a test flips them. Per-reason failure rates of scheduled
 * backups live on {@link RdsInstance#failureRate}.
 */
public final class Faults {
  private volatile boolean down;
  private volatile boolean loginFailure;
  private volatile Duration latency = Duration.ZERO;
  private volatile int dropAfterRows = -1;
  private volatile ColumnFault statusColumns = ColumnFault.NONE;
  private volatile boolean taskStatusFunctionMissing;
  private volatile Consumer<Boolean> downListener = d -> {};
  private volatile CheckdbFault checkdb = CheckdbFault.NONE;
  private final java.util.concurrent.atomic.AtomicInteger checkdbTimes =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile Duration checkdbHang = Duration.ofMinutes(10);

  /** Instance down: the listener is closed, so connecting is refused; up reopens it. */
  public boolean down() {
    return down;
  }

  public Faults down(boolean value) {
    boolean changed = value != down;
    down = value;
    if (changed) {
      downListener.accept(value);
    }
    return this;
  }

  /** The simulator reacts to down/up by closing or reopening the instance's listener. */
  public void onDownChanged(Consumer<Boolean> listener) {
    this.downListener = Objects.requireNonNull(listener);
  }

  /** Every login is refused with error 18456, even with the right password. */
  public boolean loginFailure() {
    return loginFailure;
  }

  public Faults loginFailure(boolean value) {
    loginFailure = value;
    return this;
  }

  /** Every reply waits this long before it is sent (a query timeout cancels the wait). */
  public Duration latency() {
    return latency;
  }

  public Faults latency(Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + value);
    }
    latency = value;
    return this;
  }

  /** Replies with rows drop the connection after this many rows; -1 for never. */
  public int dropAfterRows() {
    return dropAfterRows;
  }

  public Faults dropAfterRows(int rows) {
    if (rows < -1) {
      throw new IllegalArgumentException("drop_after_rows must be -1 (never) or >= 0, got " + rows);
    }
    dropAfterRows = rows;
    return this;
  }

  /** A missing, extra or renamed column in rds_task_status (and rds_fn_task_status). */
  public ColumnFault statusColumns() {
    return statusColumns;
  }

  public Faults statusColumns(ColumnFault fault) {
    statusColumns = Objects.requireNonNull(fault);
    return this;
  }

  /** msdb.dbo.rds_fn_task_status does not exist (older engine versions): error 208. */
  public boolean taskStatusFunctionMissing() {
    return taskStatusFunctionMissing;
  }

  public Faults taskStatusFunctionMissing(boolean value) {
    taskStatusFunctionMissing = value;
    return this;
  }

  /**
   * The next {@code times} DBCC CHECKDB statements fail this way (-1: every one), then CHECKDB is
   * itself again. Lets a test show a retry that succeeds after one interruption.
   */
  public Faults checkdb(CheckdbFault fault, int times) {
    if (times < -1) {
      throw new IllegalArgumentException(
          "checkdb fault times must be -1 (always) or >= 0, got " + times);
    }
    checkdbTimes.set(times);
    checkdb = Objects.requireNonNull(fault);
    return this;
  }

  /**
   * How long a CHECKDB under the hang fault waits before it answers (an ATTENTION cuts it short).
   */
  public Faults checkdbHang(Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException("checkdb hang must not be negative: " + value);
    }
    checkdbHang = value;
    return this;
  }

  public Duration checkdbHang() {
    return checkdbHang;
  }

  /** The fault for the CHECKDB about to run, counting it against the remaining times. */
  public CheckdbFault takeCheckdbFault() {
    CheckdbFault f = checkdb;
    if (f == CheckdbFault.NONE) {
      return f;
    }
    int left = checkdbTimes.getAndUpdate(n -> n > 0 ? n - 1 : n);
    return left == 0 ? CheckdbFault.NONE : f;
  }

  /** Clears every fault (the listener is told if the instance comes back up). */
  public Faults clear() {
    loginFailure = false;
    latency = Duration.ZERO;
    dropAfterRows = -1;
    statusColumns = ColumnFault.NONE;
    taskStatusFunctionMissing = false;
    checkdb = CheckdbFault.NONE;
    return down(false);
  }
}
