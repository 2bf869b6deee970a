package io.rdswatch.agent.track;

import io.rdswatch.exporter.model.ServerTime;
import io.rdswatch.exporter.model.TaskRow;
import java.util.List;
import java.util.Set;

/**
 * What one poll read of an instance's task table.
 *
 * @param rows a full read: every task RDS keeps but the held ones; a narrow read: every task above
 *     {@code watermark} plus every task not finished, whatever its id
 * @param held ids of finished tasks a full read listed but did not read, because {@link
 *     TaskTracker#knownRows()} holds them as they are
 * @param full whether {@code rows} is the whole table
 * @param watermark for a narrow read, the settled watermark it was asked above ({@link
 *     TaskTracker#watermark()}); ignored for a full read
 * @param mode how the table was read: {@link #FUNCTION} or {@link #PROCEDURE}
 * @param serverTime the server's offset measured by this read, for the server times in task_info
 */
public record PollRead(
    List<TaskRow> rows,
    Set<Long> held,
    boolean full,
    long watermark,
    String mode,
    ServerTime serverTime) {

  /** Through msdb.dbo.rds_fn_task_status, narrow between full reads. */
  public static final String FUNCTION = "function";

  /**
   * Through exec msdb.dbo.rds_task_status, always full (the function is missing or not granted).
   */
  public static final String PROCEDURE = "procedure";

  public PollRead {
    rows = List.copyOf(rows);
    held = Set.copyOf(held);
    serverTime = serverTime == null ? ServerTime.UTC : serverTime;
  }

  /** A read of a server in UTC. */
  public PollRead(List<TaskRow> rows, Set<Long> held, boolean full, long watermark, String mode) {
    this(rows, held, full, watermark, mode, ServerTime.UTC);
  }

  public static PollRead full(List<TaskRow> rows, Set<Long> held, String mode) {
    return full(rows, held, mode, ServerTime.UTC);
  }

  public static PollRead full(
      List<TaskRow> rows, Set<Long> held, String mode, ServerTime serverTime) {
    return new PollRead(rows, held, true, -1, mode, serverTime);
  }
}
