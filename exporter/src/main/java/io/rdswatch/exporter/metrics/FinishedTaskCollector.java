package io.rdswatch.exporter.metrics;

import static io.rdswatch.exporter.metrics.Labels.DATABASE;
import static io.rdswatch.exporter.metrics.Labels.LIFECYCLE;
import static io.rdswatch.exporter.metrics.Labels.RDS_INSTANCE;
import static io.rdswatch.exporter.metrics.Labels.TASK_TYPE;

import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FinishedKey;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counters of finished tasks, their failure reasons and the duration histogram. The tracker keeps
 * them cumulative across restarts (state file), so they are exported even while an instance is
 * down.
 */
public final class FinishedTaskCollector extends InstanceCollector {

  public FinishedTaskCollector(Supplier<FleetSnapshot> fleet) {
    super(fleet);
  }

  @Override
  protected List<MetricFamilySamples> familiesOf(List<InstanceSnapshot> instances) {
    SampleTable finished = new SampleTable();
    SampleTable failures = new SampleTable();
    HistogramFamily durations =
        new HistogramFamily(
            "rdswatch_task_duration_seconds",
            "Duration of successfully finished tasks: from the observed start to last_updated, or"
                + " from created_at when the start was not observed.",
            List.of(RDS_INSTANCE, TASK_TYPE));
    for (InstanceSnapshot instance : instances) {
      String name = instance.name();
      for (Map.Entry<FinishedKey, Long> e : instance.finished().entrySet()) {
        FinishedKey k = e.getKey();
        finished.put(
            e.getValue(),
            name,
            Labels.db(k.database()),
            k.taskType().label(),
            k.lifecycle().name());
      }
      for (Map.Entry<FailureKey, Long> e : instance.failures().entrySet()) {
        FailureKey k = e.getKey();
        failures.put(
            e.getValue(), name, Labels.db(k.database()), k.taskType().label(), k.reason().label());
      }
      instance
          .durations()
          .forEach((type, histogram) -> durations.add(histogram, name, type.label()));
    }
    return List.of(
        finished.counter(
            "rdswatch_tasks_finished_total",
            "Tasks seen reaching SUCCESS, ERROR or CANCELLED, each counted once across restarts.",
            List.of(RDS_INSTANCE, DATABASE, TASK_TYPE, LIFECYCLE)),
        failures.counter(
            "rdswatch_task_failures_total",
            "Failed tasks (ERROR, or CANCELLED by the backup window) by reason from task_info.",
            List.of(RDS_INSTANCE, DATABASE, TASK_TYPE, "reason")),
        durations.build());
  }
}
