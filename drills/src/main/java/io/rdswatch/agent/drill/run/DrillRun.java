package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillLease;
import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.sql.RdsProcedures;
import io.rdswatch.agent.instance.InstanceTarget;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One drill in progress: its record, the lease on its journal and the connection to the target that
 * holds the instance-wide drill lock. Not thread-safe; one drill thread owns it.
 */
final class DrillRun implements AutoCloseable {

  /** One sp_getapplock resource per target: one drill at a time per instance, across agents. */
  static final String LOCK_RESOURCE = "rdswatch_drill";

  final DrillContext ctx;
  final DrillRecord record;
  private final DrillLease lease;
  private final DrillObserver observer;
  private Connection target;

  /**
   * Set once the drill lock is taken: every session that replaces the target's must take it again.
   */
  private boolean locked;

  DrillRun(DrillContext ctx, DrillLease lease, DrillRecord record, DrillObserver observer) {
    this.ctx = ctx;
    this.lease = lease;
    this.record = record;
    this.observer = observer;
  }

  DrillPlan plan() {
    return record.plan();
  }

  Instant now() {
    return ctx.clock().instant();
  }

  Instant deadline() {
    return record.startedAt().plusSeconds(plan().timeoutSeconds());
  }

  boolean pastDeadline() {
    return !now().isBefore(deadline());
  }

  /** Seconds left for a check, at least 1 so the driver still applies a timeout. */
  int remainingSeconds() {
    return (int)
        Math.max(1, Math.min(Integer.MAX_VALUE, Duration.between(now(), deadline()).toSeconds()));
  }

  /**
   * Names under the configured prefix: the only prefix a drill creates or drops under, whatever a
   * journal says.
   */
  ScratchNames names() {
    return ctx.scratchNames(ctx.settings().scratchPrefix());
  }

  /**
   * The prefix check every restore, verify and drop passes through: why {@code name} is no scratch
   * name of this agent (it must carry the configured prefix exactly, be a valid scratch name, and
   * the drill must have been planned under that prefix); empty when it is one.
   */
  Optional<String> nameRefusal(String name) {
    String prefix = ctx.settings().scratchPrefix();
    if (name == null || !names().hasPrefix(name) || !ScratchNames.isValid(name)) {
      return Optional.of(
          "'" + name + "' is not a scratch name under the configured prefix '" + prefix + "'");
    }
    if (!prefix.equals(plan().scratchPrefix())) {
      return Optional.of(
          "the drill was planned with scratch prefix '"
              + plan().scratchPrefix()
              + "', not the configured '"
              + prefix
              + "'");
    }
    return Optional.empty();
  }

  int queryTimeout() {
    return (int) ctx.settings().queryTimeout().toSeconds();
  }

  /** Journals the record durably, then tells the observer. */
  void save() throws IOException {
    lease.save(record);
    observer.saved(record);
  }

  InstanceTarget targetInstance() throws DrillSkipped {
    return instance(plan().targetInstance());
  }

  InstanceTarget instance(String name) throws DrillSkipped {
    return ctx.target(name)
        .orElseThrow(
            () ->
                new DrillSkipped(
                    "unknown_instance", "no instance named '" + name + "' is configured"));
  }

  /**
   * The target connection, opened on first use; the drill lock lives on it. The lock goes with a
   * lost session, so a replacement session takes it again before anything is sent on it: without
   * the lock, another drill may have started on the instance meanwhile.
   */
  Connection target() throws SQLException, DrillSkipped {
    if (target == null || target.isClosed()) {
      Connection fresh = ctx.connections().open(targetInstance());
      if (locked && !RdsProcedures.tryAppLock(fresh, LOCK_RESOURCE, queryTimeout())) {
        fresh.close();
        throw new DrillSkipped(
            "locked",
            "the connection to "
                + plan().targetInstance()
                + " was lost and, on"
                + " reconnecting, another rdswatch drill held the drill lock on it");
      }
      target = fresh;
    }
    return target;
  }

  /** A connection to the target that is not the lock holder (verify switches its database). */
  Connection openTarget() throws SQLException, DrillSkipped {
    return ctx.connections().open(targetInstance());
  }

  /** Takes the instance's drill lock without waiting; true when this drill now holds it. */
  boolean lockTarget() throws SQLException, DrillSkipped {
    locked = locked || RdsProcedures.tryAppLock(target(), LOCK_RESOURCE, queryTimeout());
    return locked;
  }

  /** Closing the session releases its app lock too. */
  @Override
  public void close() {
    try {
      if (target != null) {
        target.close();
      }
    } catch (SQLException ignored) {
      // the session, and the lock with it, ends either way
    } finally {
      lease.close();
    }
  }
}
