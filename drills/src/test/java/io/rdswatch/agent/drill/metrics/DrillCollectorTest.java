package io.rdswatch.agent.drill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.RestoreTask;
import io.rdswatch.exporter.metrics.DrillCollector;
import io.rdswatch.exporter.testsupport.Promtool;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

class DrillCollectorTest {

  static final Instant T = Instant.parse("2026-11-29T04:00:00Z");
  static final String HOSTILE = "x\"} 1\nrdswatch_fake 2 \\";

  static DrillRecord drill(
      String id, String db, DrillStatus status, int minute, Double rtoSeconds) {
    DrillPlan plan =
        new DrillPlan(
            "weekly",
            "schedule",
            "orders-prod",
            "orders-prod",
            db,
            "rdswatch_drill_",
            T,
            null,
            null,
            false,
            List.of(),
            7200L,
            21600,
            false);
    Instant start = T.plusSeconds(minute * 60L);
    DrillRecord r = new DrillRecord(id, "h", plan, start);
    if (rtoSeconds != null) {
      r.task(
          new RestoreTask(
              1,
              "FULL",
              "SUCCESS",
              100,
              start,
              start.plusSeconds(10),
              start.plusSeconds((long) (double) rtoSeconds),
              null));
    }
    return r.outcome(status, null, null).finish(start.plusSeconds(3600));
  }

  List<DrillRecord> history() {
    List<DrillRecord> h = new ArrayList<>();
    h.add(drill("a", "Orders", DrillStatus.SUCCESS, 0, 600.0));
    h.add(drill("b", "Orders", DrillStatus.VERIFY_FAILED, 10, 900.0));
    h.add(drill("c", "Orders", DrillStatus.SKIPPED, 20, null));
    h.add(drill("d", HOSTILE, DrillStatus.SUCCESS, 30, 50_000.0));
    h.add(new DrillRecord("e", "h", h.get(0).plan(), T.plusSeconds(99_999)));
    return h;
  }

  CollectorRegistry registry() {
    CollectorRegistry registry = new CollectorRegistry(true);
    registry.register(
        new DrillCollector(new DrillSummary(this::history, () -> Map.of("orders-prod", 2))));
    return registry;
  }

  @Test
  void latestRunIgnoresSkippedDrillsAndSuccessIsRemembered() {
    CollectorRegistry r = registry();
    String[] names = {"rds_instance", "database", "drill"};
    String[] orders = {"orders-prod", "Orders", "weekly"};
    assertThat(r.getSampleValue("rdswatch_drill_last_result", names, orders)).isEqualTo(0.0);
    assertThat(r.getSampleValue("rdswatch_drill_last_run_timestamp_seconds", names, orders))
        .isEqualTo(T.plusSeconds(600 + 3600).getEpochSecond());
    assertThat(r.getSampleValue("rdswatch_drill_last_success_timestamp_seconds", names, orders))
        .isEqualTo(T.plusSeconds(3600).getEpochSecond());
    assertThat(r.getSampleValue("rdswatch_drill_rto_target_seconds", names, orders))
        .isEqualTo(7200.0);
    assertThat(
            r.getSampleValue(
                "rdswatch_drill_runs_total", new String[] {"result"}, new String[] {"skipped"}))
        .isEqualTo(1.0);
    assertThat(
            r.getSampleValue(
                "rdswatch_drill_runs_total", new String[] {"result"}, new String[] {"timeout"}))
        .isEqualTo(0.0);
    assertThat(r.getSampleValue("rdswatch_drill_running")).isEqualTo(1.0);
    assertThat(
            r.getSampleValue(
                "rdswatch_drill_orphans",
                new String[] {"rds_instance"},
                new String[] {"orders-prod"}))
        .isEqualTo(2.0);
    String[] inst = {"rds_instance"};
    String[] prod = {"orders-prod"};
    assertThat(r.getSampleValue("rdswatch_drill_restore_duration_seconds_count", inst, prod))
        .isEqualTo(3.0);
    assertThat(r.getSampleValue("rdswatch_drill_restore_duration_seconds_sum", inst, prod))
        .isEqualTo(51_500.0);
    assertThat(
            r.getSampleValue(
                "rdswatch_drill_restore_duration_seconds_bucket",
                new String[] {"rds_instance", "le"},
                new String[] {"orders-prod", "600.0"}))
        .isEqualTo(1.0);
    assertThat(
            r.getSampleValue(
                "rdswatch_drill_restore_duration_seconds_bucket",
                new String[] {"rds_instance", "le"},
                new String[] {"orders-prod", "+Inf"}))
        .isEqualTo(3.0);
  }

  @Test
  void thePageIsValidEvenWithHostileDatabaseNames() throws Exception {
    StringWriter page = new StringWriter();
    TextFormat.write004(page, registry().metricFamilySamples());
    assertThat(page.toString()).doesNotContain("\nrdswatch_fake");
    Promtool.assertCleanMetrics(page.toString());
  }

  @Test
  void cloudWatchGetsEachFinishedDrillOnceAndNothingForSkips() {
    List<DrillRecord> h = new ArrayList<>(history().subList(0, 1));
    DrillDatums datums = new DrillDatums(() -> List.copyOf(h));
    assertThat(datums.get())
        .as("drills finished before the agent started are not re-sent")
        .isEmpty();

    h.addAll(history().subList(1, 4));
    List<MetricDatum> sent = datums.get();

    assertThat(sent)
        .extracting(d -> d.metricName() + "=" + d.value())
        .containsExactly(
            "DrillSuccess=0.0",
            "DrillRestoreSeconds=900.0",
            "DrillSuccess=1.0",
            "DrillRestoreSeconds=50000.0");
    assertThat(sent.get(0).unit()).isEqualTo(StandardUnit.NONE);
    assertThat(sent.get(1).unit()).isEqualTo(StandardUnit.SECONDS);
    assertThat(sent.get(0).dimensions())
        .extracting(d -> d.name() + "=" + d.value())
        .containsExactly("DBInstanceIdentifier=orders-prod", "DatabaseName=Orders");
    assertThat(sent.get(0).timestamp()).isEqualTo(T.plusSeconds(600 + 3600));
    assertThat(datums.get()).isEmpty();
  }
}
