package io.rdswatch.exporter.model;

import java.util.Locale;

/** rds_task_status lifecycle. Unknown strings map to UNKNOWN; they never throw. */
public enum Lifecycle {
  CREATED(false),
  IN_PROGRESS(false),
  CANCEL_REQUESTED(false),
  SUCCESS(true),
  ERROR(true),
  CANCELLED(true),
  UNKNOWN(false);

  private final boolean terminal;

  Lifecycle(boolean terminal) {
    this.terminal = terminal;
  }

  public boolean isTerminal() {
    return terminal;
  }

  /** Label value: the RDS name, or "other" for a lifecycle RDS does not document. */
  public String label() {
    return this == UNKNOWN ? "other" : name();
  }

  public static Lifecycle parse(String raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    String norm = raw.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
    if (norm.equals("CANCELED")) {
      return CANCELLED;
    }
    for (Lifecycle l : values()) {
      if (l.name().equals(norm)) {
        return l;
      }
    }
    return UNKNOWN;
  }
}
