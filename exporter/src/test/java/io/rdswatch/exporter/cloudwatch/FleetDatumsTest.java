package io.rdswatch.exporter.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FailureReason;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import io.rdswatch.exporter.model.TaskType;
import io.rdswatch.exporter.testsupport.SampleFleet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

class FleetDatumsTest {

  private static final FleetDatums ALL = new FleetDatums(EnumSet.allOf(CloudWatchMetric.class));

  /** "Metric instance [db [type]] = value" lines, for readable assertions. */
  private static List<String> lines(List<MetricDatum> datums) {
    return datums.stream()
        .map(
            d ->
                d.metricName()
                    + " "
                    + d.dimensions().stream().map(Dimension::value).collect(Collectors.joining(" "))
                    + " = "
                    + d.value())
        .toList();
  }

  @Test
  void snapshotBecomesDatumsWithUnitsAndDimensions() {
    List<MetricDatum> datums =
        ALL.build(SampleFleet.fleet(), FailureBaseline.none(), SampleFleet.NOW, List.of()).datums();
    assertThat(lines(datums))
        .containsExactly(
            "TaskFailures orders-prod = 0.0",
            "InstanceUp orders-prod = 1.0",
            "ActiveTasks orders-prod = 6.0",
            "TaskProgress orders-prod orders BACKUP_DB = 40.0",
            "TaskProgress orders-prod staging RESTORE_DB_NORECOVERY = 10.0",
            "BackupAgeSeconds orders-prod billing = 122400.0",
            "BackupAgeSeconds orders-prod orders = 36000.0",
            "UnprotectedDatabases orders-prod = 1.0",
            "TaskFailures reports-dev = 0.0",
            "InstanceUp reports-dev = 0.0");
    assertThat(datums).allSatisfy(d -> assertThat(d.timestamp()).isEqualTo(SampleFleet.NOW));
    assertThat(datums)
        .allSatisfy(
            d -> assertThat(d.dimensions().get(0).name()).isEqualTo("DBInstanceIdentifier"));
    Map<String, StandardUnit> units =
        datums.stream()
            .collect(Collectors.toMap(MetricDatum::metricName, MetricDatum::unit, (a, b) -> a));
    assertThat(units)
        .containsEntry("TaskFailures", StandardUnit.COUNT)
        .containsEntry("ActiveTasks", StandardUnit.COUNT)
        .containsEntry("UnprotectedDatabases", StandardUnit.COUNT)
        .containsEntry("TaskProgress", StandardUnit.PERCENT)
        .containsEntry("BackupAgeSeconds", StandardUnit.SECONDS)
        .containsEntry("InstanceUp", StandardUnit.NONE);
    assertThat(datums.get(3).dimensions().stream().map(Dimension::name))
        .containsExactly("DBInstanceIdentifier", "DatabaseName", "TaskType");
  }

  @Test
  void taskFailuresAreTheGrowthSinceThePreviousPublish() {
    FleetSnapshot before = SampleFleet.fleet();
    FailureBaseline baseline =
        ALL.build(before, FailureBaseline.none(), SampleFleet.NOW, List.of()).nextBaseline();
    InstanceSnapshot grown =
        withFailures(
            SampleFleet.ordersProd(),
            Map.of(
                new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.BACKUP_WINDOW_OVERLAP),
                    1L,
                new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.KMS), 2L,
                new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.S3_ACCESS_DENIED), 1L,
                new FailureKey("staging", TaskType.RESTORE_DB, FailureReason.DB_EXISTS), 3L));
    FleetSnapshot after = new FleetSnapshot(List.of(grown), SampleFleet.NOW);
    FleetDatums failuresOnly = new FleetDatums(EnumSet.of(CloudWatchMetric.TASK_FAILURES));
    FleetDatums.Publication publication =
        failuresOnly.build(after, baseline, SampleFleet.NOW, List.of());
    assertThat(lines(publication.datums()))
        .containsExactly(
            "TaskFailures orders-prod = 5.0",
            "TaskFailures orders-prod orders BACKUP_DB = 2.0",
            "TaskFailures orders-prod staging RESTORE_DB = 3.0");
    assertThat(
            lines(
                failuresOnly
                    .build(after, publication.nextBaseline(), SampleFleet.NOW, List.of())
                    .datums()))
        .containsExactly("TaskFailures orders-prod = 0.0");
  }

  @Test
  void aCounterBelowItsBaselineWasResetSoItsWholeValueIsNew() {
    FailureKey kms = new FailureKey("orders", TaskType.BACKUP_DB, FailureReason.KMS);
    FailureBaseline baseline = new FailureBaseline(Map.of("orders-prod", Map.of(kms, 5L)));
    InstanceSnapshot reset = withFailures(SampleFleet.ordersProd(), Map.of(kms, 1L));
    assertThat(baseline.since(reset)).containsExactly(Map.entry(kms, 1L));
  }

  @Test
  void onlyEnabledMetricsAndOnlyFiniteExtrasAreSent() {
    FleetDatums some =
        new FleetDatums(EnumSet.of(CloudWatchMetric.INSTANCE_UP, CloudWatchMetric.DRILL_SUCCESS));
    MetricDatum drillOk =
        MetricDatum.builder().metricName("DrillSuccess").value(1.0).unit(StandardUnit.NONE).build();
    MetricDatum drillNaN = drillOk.toBuilder().value(Double.NaN).build();
    MetricDatum drillInfValues =
        drillOk.toBuilder().value(null).values(1.0, Double.POSITIVE_INFINITY).build();
    MetricDatum restoreSeconds =
        MetricDatum.builder()
            .metricName("DrillRestoreSeconds")
            .value(30.0)
            .unit(StandardUnit.SECONDS)
            .build();
    List<MetricDatum> datums =
        some.build(
                SampleFleet.fleet(),
                FailureBaseline.none(),
                SampleFleet.NOW,
                List.of(drillOk, drillNaN, drillInfValues, restoreSeconds))
            .datums();
    assertThat(lines(datums))
        .containsExactly(
            "InstanceUp orders-prod = 1.0", "InstanceUp reports-dev = 0.0", "DrillSuccess  = 1.0");
  }

  @Test
  void unknownMetricNamesAreRejectedWithTheValidList() {
    assertThat(CloudWatchMetric.parse("BackupAgeSeconds"))
        .isEqualTo(CloudWatchMetric.BACKUP_AGE_SECONDS);
    assertThatThrownBy(() -> CloudWatchMetric.parse("BackupAge"))
        .hasMessage(
            "unknown CloudWatch metric 'BackupAge'; must be one of TaskFailures, ActiveTasks,"
                + " TaskProgress, BackupAgeSeconds, InstanceUp, DrillSuccess, DrillRestoreSeconds,"
                + " UnprotectedDatabases");
  }

  @Test
  void unprotectedDatabasesAreCountedPerInstanceOnceTheCatalogWasRead() {
    List<MetricDatum> datums =
        new FleetDatums(EnumSet.of(CloudWatchMetric.UNPROTECTED_DATABASES))
            .build(SampleFleet.fleet(), FailureBaseline.none(), SampleFleet.NOW, List.of())
            .datums();
    assertThat(lines(datums))
        .as("reports-dev is down and has no catalog")
        .containsExactly("UnprotectedDatabases orders-prod = 1.0");
  }

  private static InstanceSnapshot withFailures(InstanceSnapshot b, Map<FailureKey, Long> failures) {
    return new InstanceSnapshot(
        b.name(),
        b.host(),
        b.labels(),
        b.up(),
        b.pollDurationSeconds(),
        b.lastPollSuccess(),
        b.pollErrors(),
        b.activeTasks(),
        b.finished(),
        failures,
        b.durations(),
        b.backupLastSuccess(),
        b.restoreLastSuccess(),
        b.overlappingDatabases(),
        b.backupWindow(),
        b.takenAt());
  }
}
