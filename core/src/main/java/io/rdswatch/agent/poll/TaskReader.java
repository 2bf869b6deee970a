package io.rdswatch.agent.poll;

import io.rdswatch.agent.sql.PollException;
import io.rdswatch.agent.sql.TaskColumns;
import io.rdswatch.agent.sql.TaskFunctionQueries;
import io.rdswatch.agent.sql.TaskFunctionQuery;
import io.rdswatch.agent.sql.TaskScan;
import io.rdswatch.agent.sql.TaskStatusQuery;
import io.rdswatch.agent.track.PollRead;
import io.rdswatch.agent.track.TaskTracker;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how one instance's task table is read on each poll (see the README, "Incremental
 * polling"): a full read through rds_fn_task_status at the first poll after a start and every
 * {@code fullEvery} after that, narrow reads of what can have changed in between; exec
 * rds_task_status, always full, while the function is missing or not granted (error 208 or 229),
 * trying the function again every {@code fullEvery}. Only the poll that holds the instance's claim
 * calls it.
 */
final class TaskReader {

  private static final Logger LOG = LoggerFactory.getLogger(TaskReader.class);

  private final String instance;
  private final TaskStatusQuery procedure;
  private final TaskFunctionQuery function;
  private final Duration fullEvery;
  private final Clock clock;
  private final RowCache cache = new RowCache();
  private String mode = PollRead.FUNCTION;
  private TaskColumns columns;
  private String changedSql; // the narrow read's text for columns, made once per full read
  private Instant
      lastFull; // last successful full read through the function, or last try that found it

  // unreadable

  TaskReader(
      String instance,
      TaskStatusQuery procedure,
      TaskFunctionQuery function,
      Duration fullEvery,
      Clock clock) {
    this.instance = instance;
    this.procedure = procedure;
    this.function = function;
    this.fullEvery = fullEvery;
    this.clock = clock;
  }

  String mode() {
    return mode;
  }

  PollRead read(Connection connection, TaskTracker tracker) throws PollException {
    Instant now = clock.instant();
    boolean fullDue = lastFull == null || !now.isBefore(lastFull.plus(fullEvery));
    if (PollRead.PROCEDURE.equals(mode)) {
      return fullDue
          ? fullViaFunction(connection, tracker, now)
          : viaProcedure(connection, tracker);
    }
    if (fullDue || columns == null) {
      return fullViaFunction(connection, tracker, now);
    }
    long watermark = tracker.watermark();
    try {
      TaskScan narrow = function.changed(connection, changedSql, watermark);
      List<Long> need = cache.needingTaskInfo(narrow.rows());
      Map<Long, String> infos =
          need.isEmpty() ? Map.of() : function.taskInfo(connection, columns, need);
      return new PollRead(
          cache.complete(narrow.rows(), infos), Set.of(), false, watermark, mode, narrow.time());
    } catch (PollException e) {
      if (!TaskFunctionQuery.unavailable(e)) {
        throw e;
      }
      // the grant can vanish under a running agent (msdb grants are not copied on a Multi-AZ
      // failover)
      lastFull = now;
      return fallBack(connection, tracker, e);
    }
  }

  /**
   * After the tracker took {@code read}: keeps what the next narrow read can return, above the
   * watermark as it stands now (a full read at a first start settles most of the history).
   */
  void taken(PollRead read, long watermark) {
    if (PollRead.FUNCTION.equals(read.mode())) {
      cache.keep(read.rows(), watermark);
    }
  }

  /** Rows held for the next narrow read (for tests and sizing). */
  int cachedRows() {
    return cache.size();
  }

  /**
   * A full read that fails for another reason (a timeout, a dropped connection) is retried next
   * poll.
   */
  private PollRead fullViaFunction(Connection connection, TaskTracker tracker, Instant now)
      throws PollException {
    TaskScan parsed;
    try {
      parsed = function.full(connection, tracker.knownRows());
    } catch (PollException e) {
      if (!TaskFunctionQuery.unavailable(e)) {
        throw e;
      }
      lastFull = now;
      return fallBack(connection, tracker, e);
    }
    lastFull = now;
    if (PollRead.PROCEDURE.equals(mode)) {
      LOG.info("{}: msdb.dbo.rds_fn_task_status is readable now; polling incrementally", instance);
    }
    mode = PollRead.FUNCTION;
    columns = parsed.columns();
    changedSql = TaskFunctionQueries.changed(columns);
    return PollRead.full(parsed.rows(), parsed.held(), mode, parsed.time());
  }

  private PollRead fallBack(Connection connection, TaskTracker tracker, PollException e)
      throws PollException {
    if (!PollRead.PROCEDURE.equals(mode)) {
      LOG.warn(
          "{}: cannot read msdb.dbo.rds_fn_task_status (error {}: {}); polling with exec rds_task_status,"
              + " which reads the whole history every time, and trying the function again every {}"
              + " (the README's GRANT SELECT fixes it)",
          instance,
          e.sqlErrorNumber(),
          e.getMessage(),
          fullEvery);
    }
    mode = PollRead.PROCEDURE;
    columns = null;
    return viaProcedure(connection, tracker);
  }

  private PollRead viaProcedure(Connection connection, TaskTracker tracker) throws PollException {
    TaskScan parsed = procedure.all(connection, tracker.knownRows());
    return PollRead.full(parsed.rows(), parsed.held(), mode, parsed.time());
  }
}
