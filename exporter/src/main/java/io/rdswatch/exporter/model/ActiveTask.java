package io.rdswatch.exporter.model;

/**
 * A non-terminal task as the tracker sees it at snapshot time.
 *
 * @param progressRatio 0..1 (RDS's % complete / 100)
 * @param stalled progress has not moved for the configured stallAfter
 * @param queuedSeconds seconds since created_at while still CREATED; 0 otherwise
 */
public record ActiveTask(TaskRow row, double progressRatio, boolean stalled, double queuedSeconds) {}
