package io.rdswatch.simulator.rds;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The instance's daily automated backup window, in UTC ({@code hh24:mi-hh24:mi}, at least 30
 * minutes, may wrap past midnight). A native backup running when it opens is aborted.
 */
public record BackupWindow(LocalTime start, Duration length) {

  public BackupWindow {
    if (length.compareTo(Duration.ofMinutes(30)) < 0
        || length.compareTo(Duration.ofHours(24)) >= 0) {
      throw new IllegalArgumentException(
          "a backup window lasts 30 minutes to 24 hours, got " + length);
    }
  }

  /** Parses RDS's PreferredBackupWindow syntax, e.g. "03:00-03:30". */
  public static BackupWindow parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "backup window must look like hh24:mi-hh24:mi, got '" + text + "'");
    }
    try {
      LocalTime from = LocalTime.parse(parts[0]);
      LocalTime to = LocalTime.parse(parts[1]);
      long minutes = Duration.between(from, to).toMinutes();
      return new BackupWindow(from, Duration.ofMinutes(minutes <= 0 ? minutes + 1440 : minutes));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "backup window must look like hh24:mi-hh24:mi, got '" + text + "'");
    }
  }

  /** The first moment in [from, to) at which the window is open, or null when it stays shut. */
  public Instant firstOpenIn(Instant from, Instant to) {
    Instant dayStart =
        from.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
    for (Instant open = dayStart.minus(Duration.ofDays(1)).plusSeconds(start.toSecondOfDay());
        open.isBefore(to);
        open = open.plus(Duration.ofDays(1))) {
      Instant close = open.plus(length);
      if (close.isAfter(from)) {
        Instant hit = open.isBefore(from) ? from : open;
        return hit.isBefore(to) ? hit : null;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return start + "-" + start.plus(length);
  }
}
