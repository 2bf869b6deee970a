package io.rdswatch.agent.drill.run;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Whether an instant falls inside RDS's automated backup window ("HH:mm-HH:mm", UTC, may wrap
 * midnight). A restore there competes with the snapshot RDS is taking (reference §5.2).
 */
final class BackupWindowCheck {

  private BackupWindowCheck() {}

  /** False for a null window; throws for one that cannot be parsed. */
  static boolean isOpen(String window, Instant now) {
    if (window == null || window.isBlank()) {
      return false;
    }
    String[] parts = window.strip().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("backup window '" + window + "' is not HH:mm-HH:mm");
    }
    try {
      int from = LocalTime.parse(parts[0]).toSecondOfDay();
      int to = LocalTime.parse(parts[1]).toSecondOfDay();
      int t = now.atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
      return from <= to ? t >= from && t < to : t >= from || t < to;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("backup window '" + window + "' is not HH:mm-HH:mm");
    }
  }
}
