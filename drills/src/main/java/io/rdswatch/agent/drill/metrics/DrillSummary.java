package io.rdswatch.agent.drill.metrics;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.PrunedTally;
import io.rdswatch.exporter.model.DrillSnapshot;
import io.rdswatch.exporter.model.DurationHistogram;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The drill history folded for the metrics ({@code exporter}'s DrillCollector): per (source
 * instance, database, drill) the latest run and the latest success, counts per result, and
 * restore-time histograms per instance, with the last scan's scratch counts. Reads files only (the
 * history's own cache); never waits on SQL Server.
 */
public final class DrillSummary implements Supplier<DrillSnapshot> {

  private final Supplier<List<DrillRecord>> history;
  private final Supplier<PrunedTally> pruned;
  private final Supplier<Map<String, Integer>> orphans;
  private final Supplier<Map<String, Integer>> scratchLeft;

  public DrillSummary(Supplier<List<DrillRecord>> history, Supplier<Map<String, Integer>> orphans) {
    this(history, PrunedTally::empty, orphans, Map::of);
  }

  /**
   * @param pruned what journals deleted by retention had counted
   * @param orphans scratch-prefixed databases in no journal, per instance, from the last scan
   * @param scratchLeft scratch databases of finished drills whose journal does not say dropped
   */
  public DrillSummary(
      Supplier<List<DrillRecord>> history,
      Supplier<PrunedTally> pruned,
      Supplier<Map<String, Integer>> orphans,
      Supplier<Map<String, Integer>> scratchLeft) {
    this.history = history;
    this.pruned = pruned;
    this.orphans = orphans;
    this.scratchLeft = scratchLeft;
  }

  @Override
  public DrillSnapshot get() {
    return of(history.get(), pruned.get(), orphans.get(), scratchLeft.get());
  }

  /**
   * Skipped and verify-interrupted drills are left out of lastRun/lastSuccess: they say nothing
   * about the backup.
   */
  private record Latest(
      String instance,
      String database,
      String drill,
      DrillRecord lastRun,
      DrillRecord lastSuccess,
      Long rtoTargetSeconds) {

    DrillSnapshot.Latest snapshot() {
      return new DrillSnapshot.Latest(
          instance,
          database,
          drill,
          lastRun == null ? null : lastRun.status() == DrillStatus.SUCCESS,
          lastRun == null ? null : lastRun.finishedAt(),
          lastSuccess == null ? null : lastSuccess.finishedAt(),
          rtoTargetSeconds);
    }
  }

  /**
   * @param pruned what journals deleted by retention had counted; the counters start from it
   */
  static DrillSnapshot of(
      List<DrillRecord> oldestFirst,
      PrunedTally pruned,
      Map<String, Integer> orphans,
      Map<String, Integer> scratchLeft) {
    Map<List<String>, Latest> latest =
        new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
    EnumMap<DrillStatus, Long> runs = new EnumMap<>(DrillStatus.class);
    runs.putAll(pruned.runs());
    Map<String, DurationHistogram> rto = new TreeMap<>(pruned.rto());
    long running = 0;
    for (DrillRecord r : oldestFirst) {
      if (!r.isFinished()) {
        running++;
        continue;
      }
      runs.merge(r.status(), 1L, Long::sum);
      String instance = r.plan().sourceInstance();
      List<String> key = List.of(instance, r.plan().database(), r.plan().drill());
      Latest prev = latest.get(key);
      boolean ran = r.status().judgesBackup();
      latest.put(
          key,
          new Latest(
              instance,
              r.plan().database(),
              r.plan().drill(),
              ran ? r : prev == null ? null : prev.lastRun(),
              r.status() == DrillStatus.SUCCESS ? r : prev == null ? null : prev.lastSuccess(),
              r.plan().rtoTargetSeconds()));
      if (r.rtoSeconds() != null) {
        rto.merge(instance, DurationHistogram.empty().observe(r.rtoSeconds()), PrunedTally::add);
      }
    }
    List<DrillSnapshot.ResultCount> counts = new ArrayList<>();
    for (DrillStatus s : DrillStatus.values()) {
      if (s != DrillStatus.RUNNING) {
        counts.add(new DrillSnapshot.ResultCount(s.label(), runs.getOrDefault(s, 0L)));
      }
    }
    return new DrillSnapshot(
        latest.values().stream().map(Latest::snapshot).toList(),
        counts,
        rto,
        running,
        orphans,
        scratchLeft);
  }
}
