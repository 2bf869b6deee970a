package io.rdswatch.agent.drill.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.drill.config.DrillsConfig;
import io.rdswatch.agent.drill.config.RetentionConfig;
import io.rdswatch.agent.drill.metrics.DrillSummary;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.run.DrillSettings;
import io.rdswatch.agent.drill.run.JdbcDrillConnections;
import io.rdswatch.agent.drill.run.Pacer;
import io.rdswatch.agent.drill.schedule.DrillPlans;
import io.rdswatch.agent.drill.schedule.DrillService;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.agent.track.LogCapture;
import io.rdswatch.exporter.metrics.DrillCollector;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old journals go; what the metrics, alerts and drops stand on stays; counters never fall; and the
 * deleting happens beside the drill scheduler, never on its thread.
 */
class JournalRetentionTest {

  static final Instant T0 = Instant.parse("2026-01-01T04:00:00Z");
  static final Instant NOW = T0.plus(Duration.ofDays(200));

  @TempDir Path state;

  static DrillRecord finished(
      DrillJournal journal, String db, int day, DrillStatus status, boolean keptScratch)
      throws Exception {
    Instant start = T0.plus(Duration.ofDays(day));
    DrillPlan p = DrillJournalTest.plan();
    DrillPlan plan =
        new DrillPlan(
            p.drill(),
            p.trigger(),
            p.sourceInstance(),
            p.targetInstance(),
            db,
            p.scratchPrefix(),
            start,
            null,
            null,
            false,
            p.checks(),
            p.rtoTargetSeconds(),
            p.timeoutSeconds(),
            keptScratch);
    DrillRecord r =
        new DrillRecord(String.format("2026%04dT040000Z-%08x", day, day), "h", plan, start)
            .scratchName("rdswatch_drill_" + db + "_" + day)
            .scratchCreated(true)
            .dropped(!keptScratch);
    try (DrillLease lease = journal.begin(r)) {
      r.task(
              new RestoreTask(
                  day,
                  "FULL",
                  "SUCCESS",
                  100,
                  start,
                  start.plusSeconds(60),
                  start.plusSeconds(600),
                  "done"))
          .outcome(status, status == DrillStatus.SUCCESS ? null : "check", null)
          .finish(start.plusSeconds(700));
      lease.save(r);
    }
    return r;
  }

  static double runs(CollectorRegistry r, String result) {
    return r.getSampleValue(
        "rdswatch_drill_runs_total", new String[] {"result"}, new String[] {result});
  }

  @Test
  void deletesByAgeAndCountButKeepsTheLatestPerDatabaseAndEveryScratchNotDropped()
      throws Exception {
    DrillJournal journal = new DrillJournal(state);
    DrillRecord salesOnly = finished(journal, "Sales", 1, DrillStatus.SUCCESS, false);
    DrillRecord kept = finished(journal, "Orders", 2, DrillStatus.VERIFY_FAILED, true);
    DrillRecord unfinished =
        new DrillRecord(
            "20260003T040000Z-00000003", "h", DrillJournalTest.plan(), T0.plus(Duration.ofDays(3)));
    journal.begin(unfinished).close();
    DrillRecord lastOrdersSuccess = null;
    DrillRecord lastOrders = null;
    for (int day = 10; day < 190; day += 4) {
      DrillStatus status =
          day < 150
              ? (day % 8 == 2 ? DrillStatus.SUCCESS : DrillStatus.VERIFY_FAILED)
              : DrillStatus.VERIFY_FAILED;
      DrillRecord r = finished(journal, "Orders", day, status, false);
      if (status == DrillStatus.SUCCESS) {
        lastOrdersSuccess = r;
      }
      lastOrders = r;
    }
    DrillHistory history = new DrillHistory(journal);
    CollectorRegistry registry = new CollectorRegistry();
    registry.register(
        new DrillCollector(new DrillSummary(history::all, history::pruned, Map::of, Map::of)));
    int before = history.all().size();
    double successBefore = runs(registry, "success");
    double failedBefore = runs(registry, "verify_failed");
    double rtoCountBefore =
        registry.getSampleValue(
            "rdswatch_drill_restore_duration_seconds_count",
            new String[] {"rds_instance"},
            new String[] {"orders-prod"});

    int deleted = new JournalRetention(journal, Duration.ofDays(30), 10).prune(history.all(), NOW);

    List<String> left = history.all().stream().map(DrillRecord::id).toList();
    assertThat(before).isEqualTo(48);
    assertThat(deleted).isEqualTo(before - left.size());
    assertThat(left)
        .hasSizeLessThanOrEqualTo(10 + 4)
        .contains(
            salesOnly.id(), kept.id(), unfinished.id(), lastOrdersSuccess.id(), lastOrders.id());
    assertThat(history.all())
        .filteredOn(r -> r.isFinished() && r.finishedAt().isBefore(NOW.minus(Duration.ofDays(30))))
        .extracting(DrillRecord::id)
        .containsExactlyInAnyOrder(salesOnly.id(), kept.id(), lastOrdersSuccess.id());
    assertThat(runs(registry, "success")).as("counters never fall").isEqualTo(successBefore);
    assertThat(runs(registry, "verify_failed")).isEqualTo(failedBefore);
    assertThat(
            registry.getSampleValue(
                "rdswatch_drill_restore_duration_seconds_count",
                new String[] {"rds_instance"},
                new String[] {"orders-prod"}))
        .isEqualTo(rtoCountBefore);

    assertThat(new JournalRetention(journal, Duration.ofDays(30), 10).prune(history.all(), NOW))
        .as("idempotent")
        .isZero();
    try (var files = java.nio.file.Files.list(journal.dir())) {
      assertThat(files.toList())
          .as("journals, lock files, the tally: owner only")
          .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo(PrunedTally.FILE))
          .anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".lock"))
          .allSatisfy(
              f ->
                  assertThat(
                          PosixFilePermissions.toString(
                              java.nio.file.Files.getPosixFilePermissions(f)))
                      .isEqualTo("rw-------"));
    }
  }

  @Test
  void theAgentPrunesOnItsHousekeepingThreadNotOnTheSchedulerThread() throws Exception {
    DrillJournal journal = new DrillJournal(state);
    for (int day = 1; day < 60; day++) {
      finished(journal, "Orders", day, DrillStatus.SUCCESS, false);
    }
    DrillsConfig config =
        new DrillsConfig().withRetention(new RetentionConfig(Duration.ofDays(400), 10));
    DrillContext ctx =
        new DrillContext(
            DrillSettings.from(config),
            List::of,
            new JdbcDrillConnections(
                new SqlConnector(Duration.ofSeconds(5)), Duration.ofMinutes(1)),
            journal,
            InstantSource.fixed(NOW),
            Pacer.sleeping(),
            new Random(1),
            "test:1");
    DrillService agent =
        new DrillService(
            new DrillPlans(config), new DrillRunner(ctx), new DrillHistory(journal), true, true);
    try (LogCapture log = new LogCapture(JournalRetention.class)) {
      agent.start(); // its first tick, on rdswatch-drill-tick, is due at once

      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !log.lines().isEmpty());
      assertThat(log.linesWithThreads())
          .singleElement()
          .asString()
          .startsWith(
              "rdswatch-drill-housekeeping: INFO drill journal retention: deleted 49 of 59 journals");
    } finally {
      agent.stop();
    }
    assertThat(journal.ids()).hasSize(10);
  }
}
