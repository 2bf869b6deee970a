package io.rdswatch.agent.drill.metrics;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.PrunedTally;
import io.rdswatch.exporter.model.DurationHistogram;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The drill history folded for the metrics: per (source instance, database, drill) the latest run
 * and the latest success, counts per result, and restore-time histograms per instance.
 */
record DrillSummary(
    List<Latest> latest, EnumMap<DrillStatus, Long> runs, Map<String, DurationHistogram> rtoByInstance, long running) {

  /** Skipped and verify-interrupted drills are left out of lastRun/lastSuccess: they say nothing about the backup. */
  record Latest(String instance, String database, String drill, DrillRecord lastRun, DrillRecord lastSuccess,
      Long rtoTargetSeconds) {}

  static DrillSummary of(List<DrillRecord> oldestFirst) {
    return of(oldestFirst, PrunedTally.empty());
  }

  /** @param pruned what journals deleted by retention had counted; the counters start from it */
  static DrillSummary of(List<DrillRecord> oldestFirst, PrunedTally pruned) {
    Map<List<String>, Latest> latest = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
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
      latest.put(key, new Latest(instance, r.plan().database(), r.plan().drill(),
          ran ? r : prev == null ? null : prev.lastRun(),
          r.status() == DrillStatus.SUCCESS ? r : prev == null ? null : prev.lastSuccess(),
          r.plan().rtoTargetSeconds()));
      if (r.rtoSeconds() != null) {
        rto.merge(instance, DurationHistogram.empty().observe(r.rtoSeconds()), PrunedTally::add);
      }
    }
    return new DrillSummary(new ArrayList<>(latest.values()), runs, rto, running);
  }

}
