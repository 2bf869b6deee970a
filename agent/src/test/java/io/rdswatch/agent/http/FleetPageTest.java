package io.rdswatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.exporter.common.TextFormat;
import io.rdswatch.exporter.metrics.BuildInfoCollector;
import io.rdswatch.exporter.metrics.FleetRegistry;
import io.rdswatch.exporter.metrics.RdswatchCollectors;
import io.rdswatch.exporter.model.ActiveTask;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.DurationHistogram;
import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FailureReason;
import io.rdswatch.exporter.model.FinishedKey;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The assembled page must equal rendering the whole registry at once, in both formats. */
class FleetPageTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  private final AtomicReference<FleetSnapshot> fleet = new AtomicReference<>();
  private final FleetRegistry registry =
      RdswatchCollectors.registry(fleet::get, BuildInfoCollector.fromResource("/no-such-resource"));

  FleetPageTest() {
    registry.register(
        new GaugeMetricFamilyCollector()); // a family without samples keeps its header
    Counter.build("aaa_requests_total", "another collector, sorted before ours")
        .labelNames("result")
        .register(registry)
        .labels("ok")
        .inc(3);
    Gauge.build("zzz_last", "and one after").register(registry).set(0.5);
  }

  @Test
  void assembledPageEqualsTheWholeRegistryRendered() throws IOException {
    fleet.set(
        fleetOf(
            instance("a-prod", true, 3, Map.of("team", "pay")),
            instance("b-dev", false, 0, Map.of()),
            instance("c-test", true, 20, Map.of("env", "test", "team", "ops"))));
    FleetPage page = new FleetPage(registry, fleet::get);
    for (PageFormat format : PageFormat.values()) {
      assertThat(assembled(page, format))
          .isEqualTo(whole(format))
          .contains("rds_instance=\"c-test\"");
    }
  }

  @Test
  void aNewSnapshotOfOneInstanceIsRenderedAgainAndTheOthersKept() throws IOException {
    InstanceSnapshot a = instance("a-prod", true, 3, Map.of());
    fleet.set(fleetOf(a, instance("b-dev", true, 1, Map.of())));
    FleetPage page = new FleetPage(registry, fleet::get);
    assembled(page, PageFormat.OPEN_METRICS);
    fleet.set(fleetOf(a, instance("b-dev", true, 7, Map.of())));
    String after = assembled(page, PageFormat.OPEN_METRICS);
    assertThat(after)
        .isEqualTo(whole(PageFormat.OPEN_METRICS))
        .contains(
            "rdswatch_tasks_finished_total{rds_instance=\"b-dev\",database=\"db01\",task_type=\"BACKUP_DB\","
                + "lifecycle=\"SUCCESS\"} 7.0");
    fleet.set(fleetOf(a)); // an instance no longer watched leaves the page
    assertThat(assembled(page, PageFormat.TEXT_004))
        .isEqualTo(whole(PageFormat.TEXT_004))
        .doesNotContain("b-dev");
  }

  @Test
  void aTinyBufferDrainsManyTimesWithoutSplittingCharacters() throws IOException {
    fleet.set(fleetOf(instance("a-prod", true, 2, Map.of("owner", "Zoë 🐘 ops"))));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PageWriter w = new PageWriter(bytes, 7)) {
      new FleetPage(registry, fleet::get).write(PageFormat.TEXT_004, w);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(whole(PageFormat.TEXT_004))
        .contains("Zoë 🐘 ops");
  }

  private String assembled(FleetPage page, PageFormat format) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PageWriter out = new PageWriter(bytes, 64 * 1024)) {
      page.write(format, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private String whole(PageFormat format) throws IOException {
    List<MetricFamilySamples> families = Collections.list(registry.metricFamilySamples());
    families.sort(Comparator.comparing(f -> f.name));
    StringWriter out = new StringWriter();
    TextFormat.writeFormat(format.contentType(), out, Collections.enumeration(families));
    return out.toString();
  }

  @Test
  void collectorsReadingTheFleetDirectlyAreRenderedInFullInstead() throws IOException {
    FleetRegistry plain = new FleetRegistry(List.of());
    RdswatchCollectors.register(
        plain, fleet::get, BuildInfoCollector.fromResource("/no-such-resource"));
    fleet.set(fleetOf(instance("a-prod", true, 3, Map.of()), instance("b-dev", true, 1, Map.of())));
    FleetPage page = new FleetPage(plain, fleet::get);
    List<MetricFamilySamples> families = Collections.list(plain.metricFamilySamples());
    families.sort(Comparator.comparing(f -> f.name));
    StringWriter whole = new StringWriter();
    TextFormat.writeFormat(TextFormat.CONTENT_TYPE_004, whole, Collections.enumeration(families));
    assertThat(assembled(page, PageFormat.TEXT_004)).isEqualTo(whole.toString());
  }

  /** A family with no samples at all, like the drill metrics before any drill. */
  private static final class GaugeMetricFamilyCollector extends io.prometheus.client.Collector {
    @Override
    public List<MetricFamilySamples> collect() {
      return List.of(
          new io.prometheus.client.GaugeMetricFamily(
              "rdswatch_zz_empty", "nothing yet", List.of("x")));
    }
  }

  private static FleetSnapshot fleetOf(InstanceSnapshot... instances) {
    return new FleetSnapshot(List.of(instances), NOW);
  }

  private static InstanceSnapshot instance(
      String name, boolean up, long successes, Map<String, String> labels) {
    Map<FinishedKey, Long> finished = new HashMap<>();
    Map<BackupKey, Instant> backups = new HashMap<>();
    for (String db : List.of("db01", "db02")) {
      finished.put(new FinishedKey(db, TaskType.BACKUP_DB, Lifecycle.SUCCESS), successes);
      backups.put(new BackupKey(db, BackupKind.FULL), NOW.minusSeconds(3600));
    }
    finished.put(new FinishedKey("db02", TaskType.BACKUP_DB, Lifecycle.ERROR), 1L);
    List<ActiveTask> active = new ArrayList<>();
    active.add(new ActiveTask(row(9, "db01", "IN_PROGRESS", 40), 0.4, false, 0));
    active.add(new ActiveTask(row(10, "db02", "CREATED", 0), 0, false, 30));
    return new InstanceSnapshot(
        name,
        name + ".example",
        labels,
        up,
        0.25,
        NOW.minusSeconds(5),
        Map.of(PollErrorKind.TIMEOUT, 2L),
        active,
        finished,
        Map.of(new FailureKey("db02", TaskType.BACKUP_DB, FailureReason.KMS), 1L),
        Map.of(TaskType.BACKUP_DB, DurationHistogram.empty().observe(45).observe(4000)),
        backups,
        Map.of("db03", NOW.minusSeconds(7200)),
        up ? Set.of("db01") : Set.of(),
        "03:00-03:30",
        NOW);
  }

  private static TaskRow row(long id, String db, String lifecycle, int percent) {
    return new TaskRow(
        id,
        "BACKUP_DB",
        TaskType.BACKUP_DB,
        db,
        percent,
        1,
        lifecycle,
        Lifecycle.parse(lifecycle),
        "",
        NOW.minusSeconds(60),
        NOW.minusSeconds(600),
        "arn:aws:s3:::b/" + db + ".bak",
        false,
        null);
  }
}
