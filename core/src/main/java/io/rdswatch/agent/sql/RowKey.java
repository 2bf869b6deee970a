package io.rdswatch.agent.sql;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import java.util.Objects;

/**
 * The small columns RDS lists ahead of task_info: enough to recognise a finished task already kept,
 * before the driver decodes the progress lines behind them. A finished task's row never changes
 * again (docs/rds-facts.md, "Finished rows"), so a kept finished row with the same key is that row.
 */
public record RowKey(
    long taskId,
    String taskTypeRaw,
    String database,
    int percentComplete,
    int durationMinutes,
    String lifecycleRaw) {

  public static RowKey of(TaskRow r) {
    return new RowKey(
        r.taskId(),
        r.taskTypeRaw(),
        r.database(),
        r.percentComplete(),
        r.durationMinutes(),
        r.lifecycleRaw());
  }

  public boolean finished() {
    return Lifecycle.parse(lifecycleRaw).isTerminal();
  }

  /**
   * Equal for an unchanged row of the same task: the one way kept rows are compared without their
   * text.
   */
  public long signature() {
    long h = Objects.hashCode(taskTypeRaw);
    h = 31 * h + Objects.hashCode(database);
    h = 31 * h + percentComplete;
    h = 31 * h + durationMinutes;
    return 31 * h + Objects.hashCode(lifecycleRaw);
  }
}
