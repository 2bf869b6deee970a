package io.rdswatch.simulator.rds;

/** sys.databases state_desc values the simulator uses. */
public enum DbState {
  ONLINE,
  RESTORING
}
