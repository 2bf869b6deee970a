package io.rdswatch.exporter.model;

/**
 * A non-terminal task as the tracker sees it at snapshot time.
 *
 * @param progressRatio 0..1 (RDS's % complete / 100)
 * @param stalled progress has not moved for the configured stallAfter
 * @param queuedSeconds seconds since created_at while still CREATED; 0 otherwise
 * @param etaSeconds time left at the task's recent progress rate, never negative; NaN while the
 *     rate is not known yet (see the README's "Task ETA")
 */
public record ActiveTask(
    TaskRow row, double progressRatio, boolean stalled, double queuedSeconds, double etaSeconds) {

  /** A task whose time left is not known. */
  public ActiveTask(TaskRow row, double progressRatio, boolean stalled, double queuedSeconds) {
    this(row, progressRatio, stalled, queuedSeconds, Double.NaN);
  }

  public boolean hasEta() {
    return !Double.isNaN(etaSeconds);
  }
}
