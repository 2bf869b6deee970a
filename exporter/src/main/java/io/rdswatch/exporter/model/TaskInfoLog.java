package io.rdswatch.exporter.model;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task_info text split into its log entries. RDS writes one entry per line as {@code [yyyy-MM-dd
 * HH:mm:ss.SSS] message}; copies of it also come as one line with the entries separated by spaces,
 * with CRLF, with doubled blank lines, or without the timestamps (see the README's failure reason
 * table). Entries are cut at line breaks and before every bracketed timestamp.
 */
public final class TaskInfoLog {

  /**
   * One entry. {@code at} is the server's wall-clock time as printed (no zone), or null when the
   * entry has no readable timestamp.
   */
  public record Entry(LocalDateTime at, String text) {}

  private static final Pattern STAMP =
      Pattern.compile("\\[(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,7})?)\\]");
  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 7, true)
          .toFormatter();

  private TaskInfoLog() {}

  public static List<Entry> entries(String taskInfo) {
    List<Entry> out = new ArrayList<>();
    if (taskInfo == null) {
      return out;
    }
    for (String line : taskInfo.split("\\R")) {
      Matcher m = STAMP.matcher(line);
      int from = 0;
      while (m.find()) {
        if (m.start() > from) {
          add(out, line.substring(from, m.start()));
        }
        from = m.start();
      }
      add(out, line.substring(from));
    }
    return out;
  }

  private static void add(List<Entry> out, String piece) {
    String text = piece.strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return;
    }
    Matcher m = STAMP.matcher(text);
    LocalDateTime at = null;
    if (m.lookingAt()) {
      try {
        at = LocalDateTime.parse(m.group(1), FORMAT);
      } catch (DateTimeParseException e) {
        at = null; // e.g. 25:00: keep the entry, just without a time
      }
    }
    out.add(new Entry(at, text));
  }
}
