package io.rdswatch.exporter.cloudwatch;

import java.util.Arrays;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** The custom metrics rdswatch can publish; the config's cloudwatch.metrics list names them. */
public enum CloudWatchMetric {
  TASK_FAILURES("TaskFailures", StandardUnit.COUNT),
  ACTIVE_TASKS("ActiveTasks", StandardUnit.COUNT),
  TASK_PROGRESS("TaskProgress", StandardUnit.PERCENT),
  BACKUP_AGE_SECONDS("BackupAgeSeconds", StandardUnit.SECONDS),
  INSTANCE_UP("InstanceUp", StandardUnit.NONE),
  /** Filled by the drill runner through extra datums. */
  DRILL_SUCCESS("DrillSuccess", StandardUnit.NONE),
  /** Filled by the drill runner through extra datums. */
  DRILL_RESTORE_SECONDS("DrillRestoreSeconds", StandardUnit.SECONDS),
  UNPROTECTED_DATABASES("UnprotectedDatabases", StandardUnit.COUNT);

  private final String metricName;
  private final StandardUnit unit;

  CloudWatchMetric(String metricName, StandardUnit unit) {
    this.metricName = metricName;
    this.unit = unit;
  }

  /** The CloudWatch MetricName, e.g. "TaskFailures". */
  public String metricName() {
    return metricName;
  }

  public StandardUnit unit() {
    return unit;
  }

  /** Parses a configured name (exact CloudWatch spelling); the error lists the valid ones. */
  public static CloudWatchMetric parse(String name) {
    for (CloudWatchMetric m : values()) {
      if (m.metricName.equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown CloudWatch metric '" + name + "'; must be one of " + names());
  }

  /** The valid names, comma separated, for error messages and docs. */
  public static String names() {
    return Arrays.stream(values())
        .map(CloudWatchMetric::metricName)
        .collect(Collectors.joining(", "));
  }
}
