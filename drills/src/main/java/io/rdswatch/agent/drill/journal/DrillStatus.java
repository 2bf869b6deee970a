package io.rdswatch.agent.drill.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a drill ended, or RUNNING while it has not. Serialised as the lower-case label. */
public enum DrillStatus {
  RUNNING,
  SUCCESS,
  RESTORE_FAILED,
  VERIFY_FAILED,
  /**
   * Verification was cut short (lost connection, failover, permission, timeout): no verdict on the
   * backup.
   */
  VERIFY_INTERRUPTED,
  DROP_FAILED,
  SKIPPED,
  TIMEOUT,
  INTERRUPTED;

  /** The `result` label value and the JSON/CLI spelling, e.g. "verify_failed". */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static DrillStatus of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /**
   * Whether this result says anything about the backup: a skipped drill never restored, and an
   * interrupted verification never finished, so neither counts as the drill's latest run.
   */
  public boolean judgesBackup() {
    return this != RUNNING && this != SKIPPED && this != VERIFY_INTERRUPTED;
  }

  public boolean isFinal() {
    return this != RUNNING;
  }
}
