package io.rdswatch.simulator.rds;

/** sys.databases recovery_model_desc. */
public enum RecoveryModel {
  FULL,
  SIMPLE,
  BULK_LOGGED
}
