package io.rdswatch.agent.drill.metrics;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.exporter.cloudwatch.CloudWatchMetric;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * CloudWatch datums for the AWS publisher's "extra" supplier: one DrillSuccess (1 or 0) per drill
 * that finished since the previous call, and its DrillRestoreSeconds when the restore succeeded,
 * timestamped when the drill finished. Skipped drills send nothing. Each drill is sent once; the
 * drills already finished when the agent starts are not re-sent. Called on the publisher thread.
 */
public final class DrillDatums implements Supplier<List<MetricDatum>> {

  private final Supplier<List<DrillRecord>> history;
  private final Set<String> sent = new HashSet<>();

  public DrillDatums(Supplier<List<DrillRecord>> history) {
    this.history = history;
    history.get().stream().filter(DrillRecord::isFinished).forEach(r -> sent.add(r.id()));
  }

  @Override
  public synchronized List<MetricDatum> get() {
    List<MetricDatum> out = new ArrayList<>();
    for (DrillRecord r : history.get()) {
      if (!r.isFinished() || !sent.add(r.id()) || r.status() == DrillStatus.SKIPPED) {
        continue;
      }
      if (r.status().judgesBackup()) {
        out.add(
            datum(CloudWatchMetric.DRILL_SUCCESS, r, r.status() == DrillStatus.SUCCESS ? 1 : 0));
      }
      if (r.rtoSeconds() != null) {
        out.add(datum(CloudWatchMetric.DRILL_RESTORE_SECONDS, r, r.rtoSeconds()));
      }
    }
    return out;
  }

  private static MetricDatum datum(CloudWatchMetric metric, DrillRecord r, double value) {
    return MetricDatum.builder()
        .metricName(metric.metricName())
        .unit(metric.unit())
        .value(value)
        .timestamp(r.finishedAt())
        .dimensions(
            Dimension.builder()
                .name("DBInstanceIdentifier")
                .value(r.plan().sourceInstance())
                .build(),
            Dimension.builder().name("DatabaseName").value(r.plan().database()).build())
        .build();
  }
}
