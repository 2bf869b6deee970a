package io.rdswatch.agent.aws.cloudwatch;

import static io.rdswatch.agent.aws.cloudwatch.PublisherHarness.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.exporter.cloudwatch.CloudWatchMetric;
import io.rdswatch.exporter.cloudwatch.FleetDatums;
import io.rdswatch.exporter.model.ActiveTask;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

public class CloudWatchPublisherTest {

  private final PublisherHarness h = new PublisherHarness();

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void publishesTheFleetAsCborWithDimensionsUnitsAndTimestamps() throws Exception {
    h.aws.stubFor(CloudWatchCbor.put().willReturn(CloudWatchCbor.ok()));
    FleetSnapshot fleet = new FleetSnapshot(List.of(instance("orders-prod")), NOW);
    var source =
        new FleetDatumSource(
            () -> fleet, new FleetDatums(EnumSet.allOf(CloudWatchMetric.class)), List::of);

    h.publisher(source, 5000).publishOnce();

    List<CloudWatchCbor.Put> puts = CloudWatchCbor.puts(h.aws);
    assertThat(puts).hasSize(1);
    assertThat(puts.get(0).body().get("Namespace").asText()).isEqualTo("RDSWatch");
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    puts.get(0)
        .datums()
        .forEach(d -> byName.put(d.get("MetricName").asText() + CloudWatchCbor.dimensions(d), d));
    assertThat(byName.keySet())
        .containsExactlyInAnyOrder(
            "TaskFailures[DBInstanceIdentifier=orders-prod]",
            "InstanceUp[DBInstanceIdentifier=orders-prod]",
            "ActiveTasks[DBInstanceIdentifier=orders-prod]",
            "TaskProgress[DBInstanceIdentifier=orders-prod, DatabaseName=sales, TaskType=BACKUP_DB]",
            "BackupAgeSeconds[DBInstanceIdentifier=orders-prod, DatabaseName=sales]");
    assertDatum(byName.get("InstanceUp[DBInstanceIdentifier=orders-prod]"), 1, "None");
    assertDatum(byName.get("ActiveTasks[DBInstanceIdentifier=orders-prod]"), 1, "Count");
    assertDatum(byName.get("TaskFailures[DBInstanceIdentifier=orders-prod]"), 0, "Count");
    assertDatum(
        byName.get(
            "TaskProgress[DBInstanceIdentifier=orders-prod, DatabaseName=sales, TaskType=BACKUP_DB]"),
        42,
        "Percent");
    assertDatum(
        byName.get("BackupAgeSeconds[DBInstanceIdentifier=orders-prod, DatabaseName=sales]"),
        3600,
        "Seconds");
    assertThat(h.metric("rdswatch_cloudwatch_datums_total")).isEqualTo(5);
    assertThat(h.requests("success")).isEqualTo(1);
    assertThat(h.metric("rdswatch_cloudwatch_last_success_timestamp_seconds"))
        .isEqualTo(NOW.getEpochSecond());
  }

  private static void assertDatum(JsonNode d, double value, String unit) {
    assertThat(d.get("Value").asDouble()).isEqualTo(value);
    assertThat(d.get("Unit").asText()).isEqualTo(unit);
    assertThat(d.get("Timestamp").asDouble()).isEqualTo(NOW.getEpochSecond());
  }

  @Test
  void twentyFiveHundredDatumsGoInThreeRequestsInOrder() throws Exception {
    h.aws.stubFor(CloudWatchCbor.put().willReturn(CloudWatchCbor.ok()));

    h.publisher(now -> numbered(0, 2500), 5000).publishOnce();

    assertThat(CloudWatchCbor.puts(h.aws))
        .extracting(p -> p.datums().size())
        .containsExactly(1000, 1000, 500);
    assertThat(CloudWatchCbor.datums(h.aws))
        .extracting(d -> d.get("Value").asInt())
        .containsExactlyElementsOf(IntStream.range(0, 2500).boxed().toList());
    assertThat(h.metric("rdswatch_cloudwatch_datums_total")).isEqualTo(2500);
  }

  @Test
  void longDimensionValuesAreSplitSoEveryRequestStaysUnderOneMegabyte() throws Exception {
    h.aws.stubFor(CloudWatchCbor.put().willReturn(CloudWatchCbor.ok()));
    List<MetricDatum> heavy = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      List<Dimension> dims = new ArrayList<>();
      for (int d = 0; d < 30; d++) {
        dims.add(
            Dimension.builder()
                .name("Dimension" + d)
                .value(("v" + i + "-" + d + "-" + "x".repeat(1024)).substring(0, 1024))
                .build());
      }
      heavy.add(
          MetricDatum.builder()
              .metricName("InstanceUp")
              .unit(StandardUnit.NONE)
              .value((double) i)
              .timestamp(NOW)
              .dimensions(dims)
              .build());
    }

    h.publisher(now -> heavy, 5000).publishOnce();

    List<CloudWatchCbor.Put> puts = CloudWatchCbor.puts(h.aws);
    assertThat(puts).hasSizeGreaterThan(1);
    assertThat(puts).allSatisfy(p -> assertThat(p.bytes()).isLessThan(1_000_000));
    assertThat(puts.stream().mapToInt(CloudWatchCbor.Put::bytes).max().getAsInt())
        .as("batches are filled, not trivially small")
        .isGreaterThan(250_000);
    assertThat(CloudWatchCbor.datums(h.aws))
        .extracting(d -> d.get("Value").asInt())
        .containsExactlyElementsOf(IntStream.range(0, 1000).boxed().toList());
  }

  static List<MetricDatum> numbered(int from, int count) {
    List<MetricDatum> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(
          MetricDatum.builder()
              .metricName("ActiveTasks")
              .unit(StandardUnit.COUNT)
              .value((double) i)
              .timestamp(Instant.ofEpochSecond(NOW.getEpochSecond() + i))
              .dimensions(
                  Dimension.builder().name("DBInstanceIdentifier").value("db-" + (i % 50)).build())
              .build());
    }
    return out;
  }

  public static InstanceSnapshot instance(String name) {
    TaskRow backup =
        new TaskRow(
            7,
            "BACKUP_DB",
            TaskType.BACKUP_DB,
            "sales",
            42,
            3,
            "IN_PROGRESS",
            Lifecycle.IN_PROGRESS,
            null,
            NOW,
            NOW.minusSeconds(300),
            "arn:aws:s3:::b/sales.bak",
            false,
            null);
    return new InstanceSnapshot(
        name,
        name + ".rds",
        Map.of(),
        true,
        0.05,
        NOW,
        Map.of(),
        List.of(new ActiveTask(backup, 0.42, false, 0)),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(new BackupKey("sales", BackupKind.FULL), NOW.minusSeconds(3600)),
        Map.of(),
        Set.of(),
        null,
        NOW);
  }
}
