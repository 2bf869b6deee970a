package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.journal.SourceBackup;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the backup a drill restores in the source's rds_task_status: the latest SUCCESS BACKUP_DB
 * of the database (and, if asked, the latest SUCCESS differential after it). Its S3_object_arn and
 * KMS_master_key_arn are what the restore needs; a multi-file backup is restored from a `*` prefix.
 */
final class SourceBackups {

  /** "backup1-of-4.bak": one file of a multi-file backup as RDS names it. */
  private static final Pattern PART = Pattern.compile("^(.*?)\\d+-of-(\\d+)(\\.[^/]*)?$");

  private SourceBackups() {}

  static SourceBackup find(DrillPlan plan, List<TaskRow> tasks) throws DrillSkipped {
    if (plan.s3Arn() != null) {
      return new SourceBackup(plan.s3Arn(), plan.kmsKeyArn(), null, null, null, null, null);
    }
    TaskRow full =
        latest(tasks, plan.database(), TaskType.BACKUP_DB, null)
            .orElseThrow(
                () ->
                    new DrillSkipped(
                        "no_backup",
                        "no successful full backup (BACKUP_DB) of '"
                            + plan.database()
                            + "' in rds_task_status of "
                            + plan.sourceInstance()
                            + " (RDS keeps 36 days)"));
    if (full.s3ObjectArn() == null || full.s3ObjectArn().isBlank()) {
      throw new DrillSkipped(
          "no_backup",
          "backup task " + full.taskId() + " of '" + plan.database() + "' shows no S3_object_arn");
    }
    TaskRow diff =
        plan.includeDifferential()
            ? latest(tasks, plan.database(), TaskType.BACKUP_DB_DIFFERENTIAL, full).orElse(null)
            : null;
    return new SourceBackup(
        restoreArn(full.s3ObjectArn()),
        blankToNull(full.kmsMasterKeyArn()),
        full.taskId(),
        finished(full),
        diff == null ? null : restoreArn(diff.s3ObjectArn()),
        diff == null ? null : blankToNull(diff.kmsMasterKeyArn()),
        diff == null ? null : finished(diff));
  }

  private static Optional<TaskRow> latest(
      List<TaskRow> tasks, String db, TaskType type, TaskRow after) {
    return tasks.stream()
        .filter(
            r ->
                r.taskType() == type
                    && r.lifecycle() == Lifecycle.SUCCESS
                    && DbNames.same(r.database(), db))
        .filter(r -> r.s3ObjectArn() != null && !r.s3ObjectArn().isBlank())
        .filter(r -> after == null || r.taskId() > after.taskId())
        .max(
            Comparator.comparing(
                    SourceBackups::finished, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(TaskRow::taskId));
  }

  /** The ARN to restore from: a multi-file backup's files share a prefix that ends in `*`. */
  static String restoreArn(String arn) {
    int star = arn.indexOf('*');
    if (star >= 0) {
      return arn.substring(0, star + 1);
    }
    int slash = arn.lastIndexOf('/');
    Matcher m = PART.matcher(arn.substring(slash + 1));
    if (m.matches() && Integer.parseInt(m.group(2)) > 1) {
      return arn.substring(0, slash + 1) + m.group(1) + "*";
    }
    return arn;
  }

  private static Instant finished(TaskRow r) {
    return r.lastUpdated() != null ? r.lastUpdated() : r.createdAt();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
