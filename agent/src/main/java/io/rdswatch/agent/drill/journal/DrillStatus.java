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

  public boolean isFinal() {
    return this != RUNNING;
  }
}
