package io.rdswatch.exporter.metrics;

import static io.rdswatch.exporter.metrics.Labels.DATABASE;
import static io.rdswatch.exporter.metrics.Labels.LIFECYCLE;
import static io.rdswatch.exporter.metrics.Labels.RDS_INSTANCE;
import static io.rdswatch.exporter.metrics.Labels.TASK_TYPE;

import io.rdswatch.exporter.model.ActiveTask;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gauges about non-terminal tasks. They describe the last successful poll, so they are left out for
 * an instance that is down (stale progress would mislead); rdswatch_up says why they vanished.
 *
 * <p>Task ids are not labels, so tasks sharing (database, task_type) are merged: the oldest queue
 * age, the lowest progress (it only moves forward as tasks finish), stalled if any is stalled, and
 * the longest time left. A task whose rate is not known yet has no ETA sample.
 */
public final class ActiveTaskCollector extends InstanceCollector {

  public ActiveTaskCollector(Supplier<FleetSnapshot> fleet) {
    super(fleet);
  }

  @Override
  protected List<MetricFamilySamples> familiesOf(List<InstanceSnapshot> instances) {
    SampleTable tasks = new SampleTable();
    SampleTable slots = new SampleTable();
    SampleTable queued = new SampleTable();
    SampleTable progress = new SampleTable();
    SampleTable stalled = new SampleTable();
    SampleTable eta = new SampleTable();
    for (InstanceSnapshot instance : instances) {
      if (!instance.up()) {
        continue;
      }
      String name = instance.name();
      slots.put(0, name);
      instance
          .otherLifecycleTasks()
          .forEach((type, n) -> tasks.merge(Double::sum, n, name, type.label(), "other"));
      for (ActiveTask task : instance.activeTasks()) {
        TaskRow row = task.row();
        String db = Labels.db(row.database());
        String type = row.taskType().label();
        tasks.merge(Double::sum, 1, name, type, row.lifecycle().label());
        if (row.lifecycle() == Lifecycle.CREATED) {
          queued.merge(Math::max, task.queuedSeconds(), name, db, type);
          continue;
        }
        if (row.taskType().usesSlot()) {
          slots.merge(Double::sum, 1, name);
        }
        progress.merge(Math::min, task.progressRatio(), name, db, type);
        stalled.merge(Math::max, task.stalled() ? 1 : 0, name, db, type);
        if (task.hasEta()) {
          eta.merge(Math::max, task.etaSeconds(), name, db, type);
        }
      }
    }
    List<String> perTask = List.of(RDS_INSTANCE, DATABASE, TASK_TYPE);
    return List.of(
        tasks.gauge(
            "rdswatch_tasks",
            "Non-terminal tasks in rds_task_status by type and lifecycle, as of the last poll;"
                + " lifecycle=\"other\" counts tasks whose lifecycle RDS does not document.",
            List.of(RDS_INSTANCE, TASK_TYPE, LIFECYCLE)),
        slots.gauge(
            "rdswatch_task_slots_in_use",
            "Started (IN_PROGRESS or CANCEL_REQUESTED) backup, restore and S3-integration tasks; RDS runs at most 2.",
            List.of(RDS_INSTANCE)),
        queued.gauge(
            "rdswatch_task_queued_seconds",
            "Age since created_at of the oldest task still CREATED (waiting for a slot).",
            perTask),
        progress.gauge(
            "rdswatch_task_progress_ratio",
            "Progress 0-1 of started tasks; the lowest when several share these labels.",
            perTask),
        stalled.gauge(
            "rdswatch_task_stalled",
            "1 if a started task's progress has not moved for the configured stallAfter.",
            perTask),
        eta.gauge(
            "rdswatch_task_eta_seconds",
            "Time left of a started task at its recent progress rate; absent until two progress"
                + " steps were seen. The longest when several share these labels.",
            perTask));
  }
}
