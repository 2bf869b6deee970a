package io.rdswatch.agent.sql;

import java.util.Collections;

/**
 * The text of the reads of msdb.dbo.rds_fn_task_status, the table-valued twin of rds_task_status
 * (see the README, "Incremental polling"). Values are JDBC parameters, never spliced in. Public for
 * the benchmark's raw-JDBC floor, which runs the very same text.
 */
public final class TaskFunctionQueries {

  public static final String FUNCTION = "msdb.dbo.rds_fn_task_status(NULL, 0)";

  /** Every task with every column, as rds_task_status gives them. */
  public static final String FULL = "SELECT * FROM " + FUNCTION;

  private TaskFunctionQueries() {}

  /**
   * The tasks that can still change what is counted: every id above the watermark (every id at or
   * below it is settled: seen finished, or gone from the 36-day history), and any task not finished
   * whatever its id, so that a task below the watermark that is still running (which settling rules
   * out, but a state file from another agent version might not) is still seen. A NULL or unknown
   * lifecycle counts as not finished. Without task_info; one parameter, the watermark. The batch
   * reads the server's clock first ({@link ServerTimeQuery#SQL}), so a steady poll costs one round
   * trip: its first result is the server's now, its second the rows.
   */
  public static String changed(TaskColumns columns) {
    String lifecycle = columns.quoted("lifecycle");
    return ServerTimeQuery.SQL
        + "; SELECT "
        + columns.narrowList()
        + " FROM "
        + FUNCTION
        + " WHERE "
        + columns.quoted("taskid")
        + " > ? OR "
        + lifecycle
        + " IS NULL OR "
        + lifecycle
        + " NOT IN ('SUCCESS', 'ERROR', 'CANCELLED') ORDER BY "
        + columns.quoted("taskid");
  }

  /** task_id and task_info of {@code count} tasks; the ids are the parameters. */
  public static String taskInfo(TaskColumns columns, int count) {
    return "SELECT "
        + columns.quoted("taskid")
        + ", "
        + columns.quoted("taskinfo")
        + " FROM "
        + FUNCTION
        + " WHERE "
        + columns.quoted("taskid")
        + " IN ("
        + String.join(", ", Collections.nCopies(count, "?"))
        + ")";
  }
}
