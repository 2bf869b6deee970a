package io.rdswatch.exporter.cloudwatch;

import io.rdswatch.exporter.model.ActiveTask;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import io.rdswatch.exporter.model.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Turns a fleet snapshot into the CloudWatch datums of one publish. Pure: no clock, no I/O.
 *
 * <p>Per instance: InstanceUp always; while the instance is up, ActiveTasks, TaskProgress in
 * percent (per database and task type, the lowest when several tasks share them) and
 * BackupAgeSeconds (per database, since the last successful FULL), and UnprotectedDatabases (user
 * databases without any successful FULL, once the catalog was read). While it is down those are
 * unknown and not sent. TaskFailures: the instance total since the last publish every time (0
 * included, so alarms get data), plus one datum per database and task type with new failures.
 *
 * <p>Immutable and thread-safe.
 */
public final class FleetDatums {

  /** The datums of one publish and the failure baseline to pass to the next. */
  public record Publication(List<MetricDatum> datums, FailureBaseline nextBaseline) {
    public Publication {
      datums = List.copyOf(datums);
    }
  }

  /** DatabaseName and TaskType dimension values, ordered for a stable datum order. */
  private record DbType(String database, String taskType) {
    static final Comparator<DbType> ORDER =
        Comparator.comparing(DbType::database).thenComparing(DbType::taskType);
  }

  private final Set<CloudWatchMetric> enabled;

  public FleetDatums(Set<CloudWatchMetric> enabled) {
    this.enabled = EnumSet.noneOf(CloudWatchMetric.class);
    this.enabled.addAll(enabled);
  }

  /**
   * @param extra datums from other sources (the drill runner's DrillSuccess and
   *     DrillRestoreSeconds); those of a metric not enabled, or not finite, are dropped
   */
  public Publication build(
      FleetSnapshot fleet, FailureBaseline previous, Instant now, List<MetricDatum> extra) {
    List<MetricDatum> out = new ArrayList<>();
    for (InstanceSnapshot instance : fleet.instances()) {
      Datums d = new Datums(instance.name(), now);
      if (on(CloudWatchMetric.TASK_FAILURES)) {
        addFailures(out, d, previous.since(instance));
      }
      if (on(CloudWatchMetric.INSTANCE_UP)) {
        d.add(out, CloudWatchMetric.INSTANCE_UP, instance.up() ? 1 : 0);
      }
      if (instance.up()) {
        addLiveState(out, d, instance, now);
      }
    }
    for (MetricDatum datum : extra) {
      if (enabledName(datum.metricName()) && Datums.isFinite(datum)) {
        out.add(datum);
      }
    }
    return new Publication(out, FailureBaseline.of(fleet));
  }

  private boolean on(CloudWatchMetric metric) {
    return enabled.contains(metric);
  }

  private boolean enabledName(String name) {
    return enabled.stream().anyMatch(m -> m.metricName().equals(name));
  }

  private static void addFailures(List<MetricDatum> out, Datums d, Map<FailureKey, Long> growth) {
    d.add(out, CloudWatchMetric.TASK_FAILURES, growth.values().stream().mapToLong(n -> n).sum());
    Map<DbType, Long> perDb = new TreeMap<>(DbType.ORDER);
    growth.forEach(
        (k, n) -> {
          if (k.database() != null) {
            perDb.merge(new DbType(k.database(), k.taskType().label()), n, Long::sum);
          }
        });
    perDb.forEach(
        (k, n) -> d.add(out, CloudWatchMetric.TASK_FAILURES, n, k.database(), k.taskType()));
  }

  private void addLiveState(
      List<MetricDatum> out, Datums d, InstanceSnapshot instance, Instant now) {
    if (on(CloudWatchMetric.ACTIVE_TASKS)) {
      d.add(out, CloudWatchMetric.ACTIVE_TASKS, instance.activeTasks().size());
    }
    if (on(CloudWatchMetric.TASK_PROGRESS)) {
      Map<DbType, Double> lowest = new TreeMap<>(DbType.ORDER);
      for (ActiveTask task : instance.activeTasks()) {
        if (task.row().lifecycle() != Lifecycle.CREATED && task.row().database() != null) {
          DbType key = new DbType(task.row().database(), task.row().taskType().label());
          lowest.merge(key, task.progressRatio(), Math::min);
        }
      }
      lowest.forEach(
          (k, ratio) ->
              d.add(
                  out, CloudWatchMetric.TASK_PROGRESS, percent(ratio), k.database(), k.taskType()));
    }
    if (on(CloudWatchMetric.BACKUP_AGE_SECONDS)) {
      Map<String, Instant> lastFull = new TreeMap<>();
      for (Map.Entry<BackupKey, Instant> e : instance.backupLastSuccess().entrySet()) {
        if (e.getKey().kind() == BackupKind.FULL) {
          lastFull.put(e.getKey().database(), e.getValue());
        }
      }
      lastFull.forEach(
          (db, at) -> d.add(out, CloudWatchMetric.BACKUP_AGE_SECONDS, ageSeconds(at, now), db));
    }
    if (on(CloudWatchMetric.UNPROTECTED_DATABASES) && !instance.databases().isEmpty()) {
      d.add(out, CloudWatchMetric.UNPROTECTED_DATABASES, instance.unprotectedDatabases());
    }
  }

  /** Two decimals, so 0.1 is sent as 10 rather than 10.000000000000002. */
  private static double percent(double ratio) {
    return Math.round(ratio * 10_000) / 100.0;
  }

  /** Never negative: a last_updated ahead of the agent's clock means "just now". */
  private static double ageSeconds(Instant at, Instant now) {
    return Math.max(0, Duration.between(at, now).toMillis() / 1000.0);
  }
}
