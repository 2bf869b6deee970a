package io.rdswatch.agent.sql;

import java.util.Objects;

/**
 * Finished tasks a poller already holds, so that parsing can skip them. A finished task's row on
 * RDS never changes again, yet every poll returns all 36 days of them, and their task_info (some
 * 1.2 KB of progress lines each) is most of what the driver decodes (bench figures 1, 2, 6). When a
 * row's leading columns show a finished task that is already known, with the same small fields,
 * the parser stops reading that row and hands over a stand-in (see {@link TaskRowParser.Parsed}).
 */
@FunctionalInterface
public interface KnownRows {

  KnownRows NONE = (taskId, signature) -> false;

  /** Whether this finished task is known with these small fields ({@link #signature}). */
  boolean unchangedFinished(long taskId, long signature);

  /** The small fields read before task_info; equal for an unchanged row of the same task. */
  static long signature(String taskTypeRaw, String database, int percentComplete, int durationMinutes,
      String lifecycleRaw) {
    long h = Objects.hashCode(taskTypeRaw);
    h = 31 * h + Objects.hashCode(database);
    h = 31 * h + percentComplete;
    h = 31 * h + durationMinutes;
    return 31 * h + Objects.hashCode(lifecycleRaw);
  }
}
