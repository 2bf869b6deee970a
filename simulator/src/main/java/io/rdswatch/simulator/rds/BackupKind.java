package io.rdswatch.simulator.rds;

import java.util.Locale;

/** The @type of a native backup or restore. */
public enum BackupKind {
  FULL,
  DIFFERENTIAL;

  /** Parses @type; null means the documented default, FULL. */
  public static BackupKind parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return FULL;
    }
    return switch (raw.strip().toUpperCase(Locale.ROOT)) {
      case "FULL" -> FULL;
      case "DIFFERENTIAL", "DIFF" -> DIFFERENTIAL;
      default -> throw new IllegalArgumentException(raw);
    };
  }
}
