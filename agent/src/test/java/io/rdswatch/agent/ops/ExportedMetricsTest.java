package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which series names a /metrics page offers to PromQL, whichever format it came in. */
class ExportedMetricsTest {

  private static final String TEXT_004 =
      """
      # HELP x_duration_seconds Time.
      # TYPE x_duration_seconds histogram
      # HELP x_runs_total Runs.
      # TYPE x_runs_total counter
      x_runs_total{result="ok",} 2.0
      # HELP x_up Up.
      # TYPE x_up gauge
      x_up{rds_instance="a",} 1.0
      """;

  private static final String OPEN_METRICS =
      """
      # TYPE y_requests counter
      # HELP y_requests Requests.
      y_requests_total{result="ok"} 3.0
      y_requests_created{result="ok"} 1.7E9
      # TYPE y_wait_seconds histogram
      y_wait_seconds_bucket{le="+Inf",rds_instance="a"} 1.0
      # EOF
      """;

  @Test
  void aHistogramWithoutSamplesStillOffersItsSeriesButNotItsBareName() {
    ExportedMetrics m = ExportedMetrics.of(List.of(TEXT_004));

    assertThat(m.names())
        .contains("x_duration_seconds_bucket", "x_duration_seconds_sum", "x_duration_seconds_count")
        .doesNotContain("x_duration_seconds");
  }

  @Test
  void countersAreTheirTotalSeriesInBothFormats() {
    ExportedMetrics m = ExportedMetrics.of(List.of(TEXT_004, OPEN_METRICS));

    assertThat(m.names())
        .contains("x_runs_total", "y_requests_total")
        .doesNotContain("y_requests", "x_runs");
  }

  @Test
  void labelsAreTakenFromSamples() {
    ExportedMetrics m = ExportedMetrics.of(List.of(TEXT_004, OPEN_METRICS));

    assertThat(m.labels())
        .containsEntry("x_up", Set.of("rds_instance"))
        .containsEntry("y_wait_seconds_bucket", Set.of("le", "rds_instance"))
        .doesNotContainKey("x_duration_seconds_bucket");
    assertThat(m.names()).contains("x_up", "y_wait_seconds_bucket", "y_requests_created");
  }
}
