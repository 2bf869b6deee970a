package io.rdswatch.agent.cli;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ETA of `rdswatch tasks`, which reads the table once and so cannot watch steps come in: the
 * same estimate as the agent's (README, "Task ETA"), taken from the "N percent processed." lines of
 * task_info, each stamped with the server time it was reached. Time left is as of the newest step.
 */
final class TaskInfoEta {

  private static final Pattern STEP =
      Pattern.compile(
          "\\[(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)\\] (\\d{1,3}) percent processed\\.");
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][.SS][.S]");
  private static final int WINDOW = 5;

  private record Point(int percent, LocalDateTime at) {}

  private TaskInfoEta() {}

  /** Seconds left, or NaN with fewer than two steps or a task not IN_PROGRESS. */
  static double secondsLeft(TaskRow row) {
    if (row.lifecycle() != Lifecycle.IN_PROGRESS || row.taskInfo() == null) {
      return Double.NaN;
    }
    List<Point> points = new ArrayList<>();
    Matcher m = STEP.matcher(row.taskInfo());
    while (m.find()) {
      int pct = Integer.parseInt(m.group(2));
      if (points.isEmpty() || pct > points.get(points.size() - 1).percent()) {
        points.add(new Point(pct, LocalDateTime.parse(m.group(1), TS)));
      }
    }
    if (points.size() < 3) {
      return Double.NaN;
    }
    Point first = points.get(Math.max(0, points.size() - WINDOW));
    Point last = points.get(points.size() - 1);
    double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
    int moved = last.percent() - first.percent();
    return seconds > 0 && moved > 0
        ? Math.max(0, (100 - last.percent()) * seconds / moved)
        : Double.NaN;
  }
}
