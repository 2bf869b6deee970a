package io.rdswatch.agent.track;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * RDS's daily automated backup window, "HH:mm-HH:mm" in UTC as DescribeDBInstances shows
 * PreferredBackupWindow. A window may wrap midnight ("23:30-00:15"). Start inclusive, end
 * exclusive.
 */
public record BackupWindow(LocalTime start, LocalTime end) {

  private static final Pattern FORMAT = Pattern.compile("\\d{2}:\\d{2}-\\d{2}:\\d{2}");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  public BackupWindow {
    if (start.equals(end)) {
      throw new IllegalArgumentException("backup window " + start + "-" + end + " is empty");
    }
  }

  /**
   * @throws IllegalArgumentException naming the value and the rule, e.g. for "3:00-3:30"
   */
  public static BackupWindow parse(String text) {
    String value = text == null ? "" : text.trim();
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "backup window '" + text + "' must look like HH:mm-HH:mm in UTC, e.g. 03:00-03:30");
    }
    try {
      return new BackupWindow(
          LocalTime.parse(value.substring(0, 5), HH_MM),
          LocalTime.parse(value.substring(6), HH_MM));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "backup window '" + text + "' has an invalid time (hours 00-23, minutes 00-59)", e);
    }
  }

  /**
   * Whether {@code window} (as configured or discovered; null or blank for none) is open at {@code
   * now}; throws like {@link #parse} for a malformed one.
   */
  public static boolean isOpen(String window, Instant now) {
    return window != null && !window.isBlank() && parse(window).contains(now);
  }

  public boolean contains(Instant instant) {
    LocalTime t = LocalTime.ofInstant(instant, ZoneOffset.UTC);
    if (start.isBefore(end)) {
      return !t.isBefore(start) && t.isBefore(end);
    }
    return !t.isBefore(start) || t.isBefore(end);
  }

  @Override
  public String toString() {
    return HH_MM.format(start) + "-" + HH_MM.format(end);
  }
}
