package io.rdswatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import io.rdswatch.exporter.testsupport.SampleFleet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CollectorBehaviourTest {

  private final AtomicReference<FleetSnapshot> current = new AtomicReference<>(SampleFleet.fleet());
  private final CollectorRegistry registry = new CollectorRegistry();

  CollectorBehaviourTest() {
    RdswatchCollectors.register(registry, current::get, new BuildInfoCollector("1", "r"));
  }

  private Double value(String name, String... labels) {
    String[] names = new String[labels.length / 2];
    String[] values = new String[labels.length / 2];
    for (int i = 0; i < names.length; i++) {
      names[i] = labels[2 * i];
      values[i] = labels[2 * i + 1];
    }
    return registry.getSampleValue(name, names, values);
  }

  @Test
  void registeringDoesNotReadTheSnapshot() {
    AtomicInteger reads = new AtomicInteger();
    RdswatchCollectors.register(
        new CollectorRegistry(),
        () -> {
          reads.incrementAndGet();
          return SampleFleet.fleet();
        },
        new BuildInfoCollector("1", "r"));
    assertThat(reads).hasValue(0);
  }

  @Test
  void everyScrapeReflectsTheLatestSnapshotAndDropsVanishedSeries() {
    assertThat(value("rdswatch_up", "rds_instance", "reports-dev")).isEqualTo(0.0);
    current.set(new FleetSnapshot(List.of(SampleFleet.ordersProd()), SampleFleet.NOW));
    assertThat(value("rdswatch_up", "rds_instance", "reports-dev")).isNull();
    assertThat(value("rdswatch_up", "rds_instance", "orders-prod")).isEqualTo(1.0);
  }

  @Test
  void activeTaskGaugesAreLeftOutWhileAnInstanceIsDown() {
    assertThat(value("rdswatch_task_slots_in_use", "rds_instance", "reports-dev")).isNull();
    assertThat(
            value(
                "rdswatch_task_progress_ratio",
                "rds_instance",
                "reports-dev",
                "database",
                "reports",
                "task_type",
                "BACKUP_DB"))
        .isNull();
    assertThat(
            value(
                "rdswatch_backup_last_success_timestamp_seconds",
                "rds_instance",
                "reports-dev",
                "database",
                "reports",
                "backup_type",
                "full"))
        .isEqualTo(1.7407908E9);
  }

  @Test
  void lastPollSuccessIsOmittedUntilAPollSucceeded() {
    assertThat(value("rdswatch_last_poll_success_timestamp_seconds", "rds_instance", "reports-dev"))
        .isNull();
    assertThat(value("rdswatch_poll_errors_total", "rds_instance", "reports-dev", "kind", "parse"))
        .isEqualTo(0.0);
  }

  @Test
  void instanceInfoDropsLabelNamesThatWouldBreakThePage() {
    InstanceSnapshot base = SampleFleet.ordersProd();
    InstanceSnapshot odd =
        new InstanceSnapshot(
            base.name(),
            base.host(),
            Map.of("host", "x", "rds_instance", "y", "__meta", "z", "bad-name", "w", "ok", "v"),
            base.up(),
            base.pollDurationSeconds(),
            base.lastPollSuccess(),
            base.pollErrors(),
            base.activeTasks(),
            base.finished(),
            base.failures(),
            base.durations(),
            base.backupLastSuccess(),
            base.restoreLastSuccess(),
            base.overlappingDatabases(),
            base.backupWindow(),
            base.takenAt());
    current.set(new FleetSnapshot(List.of(odd), SampleFleet.NOW));
    assertThat(
            value(
                "rdswatch_instance_info",
                "rds_instance",
                "orders-prod",
                "host",
                base.host(),
                "ok",
                "v"))
        .isEqualTo(1.0);
  }

  @Test
  void buildInfoFromAnUnfilteredOrMissingResourceSaysUnknown() {
    BuildInfoCollector missing = BuildInfoCollector.fromResource("/no-such-build.properties");
    assertThat(missing.version()).isEqualTo("unknown");
    assertThat(new BuildInfoCollector("${project.version}", " abc ").version())
        .isEqualTo("unknown");
    assertThat(new BuildInfoCollector("${project.version}", " abc ").revision()).isEqualTo("abc");
  }
}
