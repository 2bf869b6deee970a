package io.rdswatch.agent.sql;

/**
 * Finished tasks a poller already holds, so that reading the task table can skip them. A finished
 * task's row on RDS never changes again, yet every full read returns all 36 days of them, and their
 * task_info (some 1.2 KB of progress lines each) is most of what the driver decodes (bench figures
 * 1, 2, 6). A row whose key shows a finished task held with that key is not read further; {@link
 * TaskScan} lists it as held instead of as a row.
 */
@FunctionalInterface
public interface KnownRows {

  KnownRows NONE = key -> false;

  /** Whether this finished task is held with this key ({@link RowKey#signature()}). */
  boolean holds(RowKey key);
}
