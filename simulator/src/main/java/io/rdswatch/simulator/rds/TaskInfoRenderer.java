package io.rdswatch.simulator.rds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Derives a task's task_info log as of a moment: timestamped lines shaped like RDS writes them
 * ({@code [2026-11-27 03:05:41.697] 5 percent processed.}), one per 5 percent of progress, then the
 * outcome. Lines never change once their moment has passed, so repeated reads agree.
 */
final class TaskInfoRenderer {
  private record Line(Instant at, String text) {}

  private TaskInfoRenderer() {}

  /** task_info (null while nothing has happened to the task) and when it last gained a line. */
  record Log(String text, Instant lastUpdated) {}

  static Log render(Task task, Instant now, ServerZone zone) {
    List<Line> lines = lines(task, now);
    if (lines.isEmpty()) {
      return new Log(null, task.createdAt);
    }
    StringBuilder out = new StringBuilder(lines.size() * 56);
    for (Line l : lines) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append('[');
      stamp(out, l.at, zone);
      out.append("] ").append(l.text);
    }
    return new Log(out.toString(), lines.get(lines.size() - 1).at);
  }

  /**
   * Appends {@code yyyy-MM-dd HH:mm:ss.SSS}, the server's wall clock, by hand: a poll renders every
   * line of 36 days.
   */
  static void stamp(StringBuilder out, Instant at, ServerZone zone) {
    long ms = at.toEpochMilli() + zone.offsetSeconds(at) * 1000L;
    java.time.LocalDate day = java.time.LocalDate.ofEpochDay(Math.floorDiv(ms, 86_400_000L));
    long inDay = Math.floorMod(ms, 86_400_000L);
    pad(out, day.getYear(), 4).append('-');
    pad(out, day.getMonthValue(), 2).append('-');
    pad(out, day.getDayOfMonth(), 2).append(' ');
    pad(out, inDay / 3_600_000, 2).append(':');
    pad(out, inDay / 60_000 % 60, 2).append(':');
    pad(out, inDay / 1000 % 60, 2).append('.');
    pad(out, inDay % 1000, 3);
  }

  private static StringBuilder pad(StringBuilder out, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }

  /** The percent RDS shows: progress in 5-point steps, 100 only on success. */
  static int percent(Task task, Instant now) {
    if (task.lifecycle == Lifecycle.SUCCESS) {
      return 100;
    }
    int p = (int) (task.fractionAt(now) * 20) * 5;
    return Math.min(p, 95);
  }

  private static List<Line> lines(Task task, Instant now) {
    List<Line> lines = new ArrayList<>();
    if (task.cancelRequestedAt != null && !task.cancelRequestedAt.isAfter(now)) {
      lines.add(new Line(task.cancelRequestedAt, "Task cancellation has been requested."));
    }
    if (task.startedAt == null || task.startedAt.isAfter(now)) {
      addEnd(task, now, lines);
      return sorted(lines);
    }
    Instant start = task.startedAt;
    lines.add(new Line(start, "Task execution has started."));
    if (task.type.isBackup() && task.files > 1) {
      lines.add(
          new Line(
              start.plusMillis(7),
              task.type
                  + " task will initiate a multi-file task with "
                  + task.files
                  + " file(s)."));
    }
    Instant until = task.lifecycle.isTerminal() && task.endAt.isBefore(now) ? task.endAt : now;
    int reached = percent(task, until);
    long runMillis = task.run.toMillis();
    for (int p = 5; p <= reached && p < 100; p += 5) {
      long at = (long) Math.ceil(runMillis * task.pace.time(p / 100.0));
      lines.add(new Line(start.plusMillis(at), p + " percent processed."));
    }
    addEnd(task, now, lines);
    return sorted(lines);
  }

  private static void addEnd(Task task, Instant now, List<Line> lines) {
    if (!task.lifecycle.isTerminal() || task.endAt.isAfter(now)) {
      return;
    }
    Instant end = task.endAt;
    List<String> texts =
        switch (task.lifecycle) {
          case SUCCESS -> successLines(task);
          case CANCELLED -> List.of("Task has been cancelled.");
          default -> task.failureLines;
        };
    for (int i = 0; i < texts.size(); i++) {
      lines.add(new Line(end.plusMillis(i * 7L), texts.get(i)));
    }
  }

  private static List<String> successLines(Task task) {
    if (task.type == TaskType.FINISH_RESTORE) {
      return List.of(
          "RESTORE DATABASE successfully processed 0 pages.", "Task has been completed.");
    }
    if (task.type.isS3Integration()) {
      return List.of("100 percent processed.", "Task has been completed.");
    }
    long millis = Math.max(1, Duration.between(task.startedAt, task.endAt).toMillis());
    long mb = task.dataMb;
    String verb = task.type.isBackup() ? "BACKUP DATABASE" : "RESTORE DATABASE";
    List<String> out = new ArrayList<>();
    out.add("100 percent processed.");
    if (task.type.isBackup()) {
      S3Location at = S3Location.parse(task.s3Arn);
      out.add(
          (at == null ? task.s3Arn : at.fileName()) + ": Completed processing 100% of S3 chunks.");
    }
    out.add(
        String.format(
            java.util.Locale.ROOT,
            "%s successfully processed %d pages in %d.%03d seconds (%.3f MB/sec).",
            verb,
            mb * 128,
            millis / 1000,
            millis % 1000,
            mb * 1000.0 / millis));
    out.add("Task has been completed.");
    return out;
  }

  private static List<Line> sorted(List<Line> lines) {
    lines.sort(Comparator.comparing(Line::at));
    return lines;
  }
}
