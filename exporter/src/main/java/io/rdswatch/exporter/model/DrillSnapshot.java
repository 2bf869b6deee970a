package io.rdswatch.exporter.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The restore drills as the metrics see them: the agent folds its drill history and its last scan
 * of scratch databases into one of these per scrape. Immutable.
 *
 * @param latest per (source instance, database, drill), in that order
 * @param runs finished drills per result, in the order the page lists the results
 * @param restoreDurations measured restore times of successful drill restores, per source instance
 * @param running drills started but not finished
 * @param orphans scratch-prefixed databases in no journal, per instance, from the last scan
 * @param scratchLeft scratch databases of finished drills that were not dropped, per instance
 */
public record DrillSnapshot(
    List<Latest> latest,
    List<ResultCount> runs,
    Map<String, DurationHistogram> restoreDurations,
    long running,
    Map<String, Integer> orphans,
    Map<String, Integer> scratchLeft) {

  /**
   * The latest drills of one database that say something about its backup (skipped and
   * verify-interrupted ones do not).
   *
   * @param lastRunSucceeded null when no drill judged the backup yet
   * @param lastRunAt when that drill finished, or null
   * @param lastSuccessAt when the latest successful drill finished, or null
   * @param rtoTargetSeconds the configured RTO target of the latest drill, or null
   */
  public record Latest(
      String instance,
      String database,
      String drill,
      Boolean lastRunSucceeded,
      Instant lastRunAt,
      Instant lastSuccessAt,
      Long rtoTargetSeconds) {}

  /** How many finished drills ended with this result (the result label). */
  public record ResultCount(String result, long count) {}

  public DrillSnapshot {
    latest = List.copyOf(latest);
    runs = List.copyOf(runs);
    restoreDurations = Collections.unmodifiableMap(new TreeMap<>(restoreDurations));
    orphans = Collections.unmodifiableMap(new LinkedHashMap<>(orphans));
    scratchLeft = Collections.unmodifiableMap(new LinkedHashMap<>(scratchLeft));
  }
}
