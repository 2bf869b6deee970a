package io.rdswatch.exporter.metrics;

import static io.rdswatch.exporter.metrics.Labels.RDS_INSTANCE;

import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import io.rdswatch.exporter.model.PollErrorKind;
import java.util.List;
import java.util.function.Supplier;

/**
 * Per-instance poll health: rdswatch_up, poll duration, freshness, poll errors, how the task table
 * is read and what periodic full reads corrected. Every poll error kind is exported from 0 so that
 * the first error shows up in increase().
 */
public final class PollHealthCollector extends InstanceCollector {

  private static final List<String> MODES = List.of("function", "procedure");

  public PollHealthCollector(Supplier<FleetSnapshot> fleet) {
    super(fleet);
  }

  @Override
  protected List<MetricFamilySamples> familiesOf(List<InstanceSnapshot> instances) {
    List<String> instanceOnly = List.of(RDS_INSTANCE);
    GaugeMetricFamily up =
        new GaugeMetricFamily(
            "rdswatch_up",
            "1 if the agent's last background poll of rds_task_status on this instance succeeded,"
                + " else 0.",
            instanceOnly);
    GaugeMetricFamily duration =
        new GaugeMetricFamily(
            "rdswatch_poll_duration_seconds",
            "Wall time of the last poll of this instance, successful or not.",
            instanceOnly);
    GaugeMetricFamily lastSuccess =
        new GaugeMetricFamily(
            "rdswatch_last_poll_success_timestamp_seconds",
            "Unix time of the last successful poll. Task metrics are served from that poll, not"
                + " fetched at scrape time; absent until a poll has succeeded.",
            instanceOnly);
    CounterMetricFamily errors =
        new CounterMetricFamily(
            "rdswatch_poll_errors_total",
            "Failed polls of this instance by kind: connect, login, timeout, query, parse, permission.",
            List.of(RDS_INSTANCE, "kind"));
    GaugeMetricFamily mode =
        new GaugeMetricFamily(
            "rdswatch_poll_mode",
            "1 for how the agent reads this instance's task table: function (rds_fn_task_status,"
                + " only what changed) or procedure (exec rds_task_status, the whole history: the function"
                + " is missing or not granted); absent until a poll has succeeded.",
            List.of(RDS_INSTANCE, "mode"));
    CounterMetricFamily corrections =
        new CounterMetricFamily(
            "rdswatch_poll_resync_corrections_total",
            "Tasks that a periodic full read found the incremental reads had missed or seen differently"
                + " (0 unless something is wrong), since the agent started.",
            instanceOnly);
    for (InstanceSnapshot instance : instances) {
      if (instance.pollMode() != null) {
        for (String m : MODES) {
          mode.addMetric(List.of(instance.name(), m), m.equals(instance.pollMode()) ? 1 : 0);
        }
      }
      corrections.addMetric(List.of(instance.name()), instance.resyncCorrections());
      List<String> name = List.of(instance.name());
      up.addMetric(name, instance.up() ? 1 : 0);
      duration.addMetric(name, instance.pollDurationSeconds());
      if (instance.lastPollSuccess() != null) {
        lastSuccess.addMetric(name, Labels.seconds(instance.lastPollSuccess()));
      }
      for (PollErrorKind kind : PollErrorKind.values()) {
        errors.addMetric(
            List.of(instance.name(), kind.label()), instance.pollErrors().getOrDefault(kind, 0L));
      }
    }
    return List.of(up, duration, lastSuccess, errors, mode, corrections);
  }
}
