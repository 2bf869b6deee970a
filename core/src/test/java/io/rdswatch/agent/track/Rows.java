package io.rdswatch.agent.track;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.time.Instant;
import java.util.Map;

/** Builders for rds_task_status rows and targets in tracker tests. */
final class Rows {

  static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

  private Rows() {}

  static InstanceTarget target(String name, String backupWindow) {
    return new InstanceTarget(
        name,
        name + ".example.com",
        1433,
        "rdswatch",
        PasswordSource.literal("pw"),
        Map.of(),
        Map.of("team", "payments"),
        backupWindow,
        "static");
  }

  static TaskRow row(
      long id,
      String type,
      String db,
      String lifecycle,
      int pct,
      Instant created,
      Instant updated,
      String info) {
    return new TaskRow(
        id,
        type,
        TaskType.parse(type),
        db,
        pct,
        0,
        lifecycle,
        Lifecycle.parse(lifecycle),
        info,
        updated,
        created,
        "arn:aws:s3:::bucket/" + db + ".bak",
        false,
        null);
  }

  static TaskRow backup(
      long id, String db, String lifecycle, int pct, Instant created, Instant updated) {
    return row(id, "BACKUP_DB", db, lifecycle, pct, created, updated, "");
  }
}
