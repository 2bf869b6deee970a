package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.rds.ColumnFault;
import io.rdswatch.simulator.rds.ServerZone;
import io.rdswatch.simulator.rds.TaskRow;
import java.util.ArrayList;
import java.util.List;

/** The result sets that show tasks: rds_task_status's 14 columns, and a new task's summary. */
public final class TaskResults {
  /** rds_task_status's documented columns, in order. */
  public static final List<Column> STATUS_COLUMNS =
      List.of(
          Column.of("task_id", SqlType.INT),
          Column.of("task_type", SqlType.NVARCHAR),
          Column.of("database_name", SqlType.NVARCHAR),
          Column.of("% complete", SqlType.INT),
          Column.of("duration(mins)", SqlType.INT),
          Column.of("lifecycle", SqlType.NVARCHAR),
          Column.of("task_info", SqlType.NVARCHAR_MAX),
          Column.of("last_updated", SqlType.DATETIME),
          Column.of("created_at", SqlType.DATETIME),
          Column.of("S3_object_arn", SqlType.NVARCHAR),
          Column.of("overwrite_s3_backup_file", SqlType.INT),
          Column.of("KMS_master_key_arn", SqlType.NVARCHAR),
          Column.of("filepath", SqlType.NVARCHAR),
          Column.of("overwrite_file", SqlType.INT));

  /**
   * What rds_backup_database, rds_restore_database, rds_finish_restore and rds_cancel_task return.
   */
  public static final List<Column> SUBMIT_COLUMNS =
      List.of(
          Column.of("task_id", SqlType.INT),
          Column.of("task_type", SqlType.NVARCHAR),
          Column.of("lifecycle", SqlType.NVARCHAR),
          Column.of("created_at", SqlType.DATETIME),
          Column.of("last_updated", SqlType.DATETIME),
          Column.of("database_name", SqlType.NVARCHAR),
          Column.of("S3_object_arn", SqlType.NVARCHAR),
          Column.of("overwrite_S3_backup_file", SqlType.INT),
          Column.of("KMS_master_key_arn", SqlType.NVARCHAR),
          Column.of("task_progress", SqlType.INT),
          Column.of("task_info", SqlType.NVARCHAR_MAX));

  private TaskResults() {}

  public static List<Object[]> statusRows(List<TaskRow> tasks, ServerZone zone) {
    List<Object[]> rows = new ArrayList<>(tasks.size());
    for (TaskRow t : tasks) {
      rows.add(
          new Object[] {
            t.taskId(),
            t.taskType(),
            t.databaseName(),
            t.percentComplete(),
            t.durationMinutes(),
            t.lifecycle().name(),
            t.taskInfo(),
            zone.local(t.lastUpdated()),
            zone.local(t.createdAt()),
            t.s3ObjectArn(),
            t.overwriteS3BackupFile() ? 1 : 0,
            t.kmsMasterKeyArn(),
            t.filePath(),
            t.overwriteFile() ? 1 : 0
          });
    }
    return rows;
  }

  public static ResultSetData status(List<TaskRow> tasks, ColumnFault fault, ServerZone zone) {
    return ColumnFaults.apply(new ResultSetData(STATUS_COLUMNS, statusRows(tasks, zone)), fault);
  }

  public static ResultSetData submitted(TaskRow t, ServerZone zone) {
    Object[] row = {
      t.taskId(),
      t.taskType(),
      t.lifecycle().name(),
      zone.local(t.createdAt()),
      zone.local(t.lastUpdated()),
      t.databaseName(),
      t.s3ObjectArn(),
      t.overwriteS3BackupFile() ? 1 : 0,
      t.kmsMasterKeyArn(),
      t.percentComplete(),
      t.taskInfo()
    };
    List<Object[]> rows = new ArrayList<>();
    rows.add(row);
    return new ResultSetData(SUBMIT_COLUMNS, rows);
  }
}
