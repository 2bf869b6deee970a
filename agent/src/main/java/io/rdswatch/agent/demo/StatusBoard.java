package io.rdswatch.agent.demo;

import io.rdswatch.agent.poll.FleetState;
import io.rdswatch.agent.poll.InstancePoller;
import io.rdswatch.agent.poll.PollStatus;
import io.rdswatch.exporter.model.ActiveTask;
import io.rdswatch.exporter.model.FailureReason;
import io.rdswatch.exporter.model.InstanceSnapshot;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One line per instance, for the demo's live display: health, active tasks with progress, failures.
 */
public final class StatusBoard {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private StatusBoard() {}

  public static List<String> lines(FleetState fleet) {
    List<String> lines = new ArrayList<>();
    int width = fleet.instances().stream().mapToInt(i -> i.name().length()).max().orElse(8);
    for (InstancePoller instance : fleet.instances()) {
      lines.add(String.format("%-" + width + "s  %s", instance.name(), line(instance)));
    }
    return lines;
  }

  static String line(InstancePoller instance) {
    InstanceSnapshot s = instance.tracker().snapshot();
    PollStatus status = instance.status();
    if (!status.polled()) {
      return "waiting for the first poll";
    }
    String health = s.up() ? "up  " : "DOWN (" + status.lastError().kind().label() + ")";
    String active =
        s.activeTasks().isEmpty()
            ? "no active task"
            : s.activeTasks().stream().map(StatusBoard::task).collect(Collectors.joining(", "));
    return health
        + "  tasks "
        + status.tasksSeen()
        + "  "
        + active
        + "  failures "
        + failures(s)
        + "  (sim "
        + TIME.format(s.takenAt())
        + " UTC)";
  }

  private static String task(ActiveTask t) {
    return t.row().database()
        + " "
        + t.row().taskTypeRaw()
        + " "
        + t.row().lifecycleRaw()
        + (t.row().lifecycle().name().equals("IN_PROGRESS")
            ? " " + Math.round(t.progressRatio() * 100) + "%"
            : "")
        + (t.hasEta() ? " eta " + eta(t.etaSeconds()) : "");
  }

  /** "7m 05s" or "1h 12m"; whole seconds are enough for a live board. */
  static String eta(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format("%dh %02dm", s / 3600, s % 3600 / 60)
        : String.format("%dm %02ds", s / 60, s % 60);
  }

  private static String failures(InstanceSnapshot s) {
    Map<FailureReason, Long> byReason = new TreeMap<>();
    s.failures().forEach((key, n) -> byReason.merge(key.reason(), n, Long::sum));
    long total = byReason.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return "0";
    }
    return total
        + " "
        + byReason.entrySet().stream()
            .map(e -> e.getKey().label() + " " + e.getValue())
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
