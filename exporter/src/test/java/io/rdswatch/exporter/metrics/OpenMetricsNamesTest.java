package io.rdswatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.exporter.testsupport.SampleFleet;
import org.junit.jupiter.api.Test;

/** Counter names must read exactly as in the metrics table in both exposition formats. */
class OpenMetricsNamesTest {

  private final CollectorRegistry registry = new CollectorRegistry();

  OpenMetricsNamesTest() {
    RdswatchCollectors.register(registry, SampleFleet::fleet, new BuildInfoCollector("1", "r"));
  }

  @Test
  void countersKeepTheirTotalSuffixInText004() {
    String page = MetricsText.render004(registry);
    for (String counter :
        new String[] {
          "rdswatch_poll_errors", "rdswatch_tasks_finished", "rdswatch_task_failures"
        }) {
      assertThat(page)
          .contains("# TYPE " + counter + "_total counter")
          .contains(counter + "_total{rds_instance=")
          .doesNotContain(counter + "_total_total");
    }
  }

  @Test
  void openMetricsUsesTheFamilyNameAndTotalSamples() {
    String page = MetricsText.renderOpenMetrics(registry);
    for (String counter :
        new String[] {
          "rdswatch_poll_errors", "rdswatch_tasks_finished", "rdswatch_task_failures"
        }) {
      assertThat(page)
          .contains("# TYPE " + counter + " counter")
          .contains(counter + "_total{rds_instance=")
          .doesNotContain(counter + "_total_total")
          .doesNotContain(counter + "_created");
    }
    assertThat(page)
        .contains("# TYPE rdswatch_task_duration_seconds histogram")
        .contains(
            "rdswatch_task_duration_seconds_bucket{rds_instance=\"orders-prod\",task_type=\"BACKUP_DB\",le=\"+Inf\"}"
                + " 3.0")
        .contains("# TYPE rdswatch_up gauge")
        .endsWith("# EOF\n");
  }

  @Test
  void registeringTwiceIsRejectedByName() {
    CollectorRegistry other = new CollectorRegistry();
    other.register(new PollHealthCollector(SampleFleet::fleet));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> other.register(new PollHealthCollector(SampleFleet::fleet)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rdswatch_");
  }
}
