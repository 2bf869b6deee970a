package io.rdswatch.simulator.rds;

/** rds_task_status lifecycle values. */
public enum Lifecycle {
  CREATED,
  IN_PROGRESS,
  CANCEL_REQUESTED,
  SUCCESS,
  ERROR,
  CANCELLED;

  public boolean isTerminal() {
    return this == SUCCESS || this == ERROR || this == CANCELLED;
  }
}
