package io.rdswatch.exporter.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/** Builds one instance's datums: DBInstanceIdentifier on all, publish time, the metric's unit. */
final class Datums {

  static final String INSTANCE = "DBInstanceIdentifier";
  static final String DATABASE = "DatabaseName";
  static final String TASK_TYPE = "TaskType";

  private final String instance;
  private final Instant now;

  Datums(String instance, Instant now) {
    this.instance = instance;
    this.now = now;
  }

  /**
   * Adds a datum unless its value is NaN or infinite (CloudWatch rejects the whole request).
   *
   * @param dims alternating DatabaseName and TaskType values, as far as meaningful
   */
  void add(List<MetricDatum> out, CloudWatchMetric metric, double value, String... dims) {
    if (!Double.isFinite(value)) {
      return;
    }
    List<Dimension> dimensions = new ArrayList<>();
    dimensions.add(Dimension.builder().name(INSTANCE).value(instance).build());
    String[] names = {DATABASE, TASK_TYPE};
    for (int i = 0; i < dims.length; i++) {
      dimensions.add(Dimension.builder().name(names[i]).value(dims[i]).build());
    }
    out.add(
        MetricDatum.builder()
            .metricName(metric.metricName())
            .unit(metric.unit())
            .value(value)
            .timestamp(now)
            .dimensions(dimensions)
            .build());
  }

  /** True when nothing in the datum is NaN or infinite. */
  static boolean isFinite(MetricDatum d) {
    if (d.value() != null && !Double.isFinite(d.value())) {
      return false;
    }
    if (d.hasValues() && !d.values().stream().allMatch(v -> v != null && Double.isFinite(v))) {
      return false;
    }
    if (d.hasCounts() && !d.counts().stream().allMatch(v -> v != null && Double.isFinite(v))) {
      return false;
    }
    StatisticSet s = d.statisticValues();
    return s == null
        || List.of(s.sampleCount(), s.sum(), s.minimum(), s.maximum()).stream()
            .allMatch(v -> v != null && Double.isFinite(v));
  }
}
