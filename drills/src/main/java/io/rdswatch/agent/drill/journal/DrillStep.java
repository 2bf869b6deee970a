package io.rdswatch.agent.drill.journal;

/**
 * Where a drill is; recorded in the journal before the step's first side effect, so a restarted
 * agent knows what may have happened on the instance.
 */
public enum DrillStep {
  /** Checks only; nothing has been changed on any instance. */
  PREFLIGHT,
  /** The scratch name is chosen and journaled; the restore may or may not have been submitted. */
  SUBMITTING,
  /** A restore task is known by id and being followed. */
  RESTORING,
  /** The scratch database exists and checks are running against it. */
  VERIFYING,
  /** rds_drop_database is being called for the scratch database. */
  DROPPING,
  /** The result is final. */
  DONE
}
