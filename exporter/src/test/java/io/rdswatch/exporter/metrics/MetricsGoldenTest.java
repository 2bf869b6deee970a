package io.rdswatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.testsupport.GoldenFile;
import io.rdswatch.exporter.testsupport.Promtool;
import io.rdswatch.exporter.testsupport.SampleFleet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole page for a hand-built fleet, against golden/fleet.prom. Regenerate with
 * -Drdswatch.golden.update=true (see {@link GoldenFile}).
 */
class MetricsGoldenTest {

  private static CollectorRegistry registry(FleetSnapshot fleet) {
    CollectorRegistry registry = new CollectorRegistry();
    RdswatchCollectors.register(registry, () -> fleet, new BuildInfoCollector("1.2.3", "abc1234"));
    return registry;
  }

  @Test
  void pageMatchesGoldenFile() {
    GoldenFile.assertMatches(MetricsText.render004(registry(SampleFleet.fleet())), "fleet.prom");
  }

  @Test
  void pagePassesPromtool() {
    Promtool.assertCleanMetrics(MetricsText.render004(registry(SampleFleet.fleet())));
  }

  @Test
  void emptyFleetStillPassesPromtool() {
    Promtool.assertCleanMetrics(
        MetricsText.render004(registry(FleetSnapshot.empty(Instant.EPOCH))));
  }

  @Test
  void everyTableMetricIsOnThePage() {
    String page = MetricsText.render004(registry(SampleFleet.fleet()));
    List<String> table =
        List.of(
            "rdswatch_up",
            "rdswatch_poll_duration_seconds",
            "rdswatch_last_poll_success_timestamp_seconds",
            "rdswatch_poll_errors_total",
            "rdswatch_tasks",
            "rdswatch_task_slots_in_use",
            "rdswatch_task_queued_seconds",
            "rdswatch_task_progress_ratio",
            "rdswatch_task_stalled",
            "rdswatch_tasks_finished_total",
            "rdswatch_task_failures_total",
            "rdswatch_task_duration_seconds",
            "rdswatch_backup_last_success_timestamp_seconds",
            "rdswatch_restore_last_success_timestamp_seconds",
            "rdswatch_backup_overlap",
            "rdswatch_instance_info",
            "rdswatch_build_info");
    for (String name : table) {
      assertThat(page).contains("# TYPE " + name + " ").containsPattern("(?m)^" + name + "[_{ ]");
    }
    assertThat(page)
        .doesNotContainPattern("[{,]instance=")
        .doesNotContain("task_id")
        .doesNotContain("_created");
  }
}
