package io.rdswatch.agent.drill.http;

import io.rdswatch.agent.drill.journal.CheckResult;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How drills read in text, shared by the HTML page and `rdswatch drill history`. */
public final class DrillText {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private DrillText() {}

  public static String time(Instant t) {
    return t == null ? "-" : TIME.format(t);
  }

  /** "1h02m", "4m30s", "12s". */
  public static String duration(double seconds) {
    Duration d = Duration.ofMillis(Math.round(seconds * 1000));
    if (d.toHours() > 0) {
      return d.toHours() + "h" + String.format(Locale.ROOT, "%02dm", d.toMinutesPart());
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + "m" + String.format(Locale.ROOT, "%02ds", d.toSecondsPart());
    }
    return d.toSeconds() + "s";
  }

  /** "4m30s (target 2h00m, met)", or "-" when nothing was measured. */
  public static String rto(DrillRecord r) {
    Double rto = r.rtoSeconds();
    Long target = r.plan().rtoTargetSeconds();
    if (rto == null) {
      return target == null ? "-" : "- (target " + duration(target) + ")";
    }
    if (target == null) {
      return duration(rto);
    }
    return duration(rto)
        + " (target "
        + duration(target)
        + ", "
        + (Boolean.TRUE.equals(r.rtoMet()) ? "met" : "MISSED")
        + ")";
  }

  public static String checkTitle(CheckResult c) {
    if (c.kind().equals("checkdb")) {
      return "DBCC CHECKDB";
    }
    String title = c.sql() + (c.expect() == null ? "" : " " + c.expect());
    return c.observed() == null ? title : title + " (got " + c.observed() + ")";
  }

  public static String checks(List<CheckResult> checks) {
    if (checks.isEmpty()) {
      return "-";
    }
    return checks.stream()
        .map(c -> (c.passed() ? "pass " : "FAIL ") + checkTitle(c))
        .collect(Collectors.joining("; "));
  }

  public static String scratchFate(DrillRecord r) {
    if (!r.scratchCreated()) {
      return r.scratchName() == null ? "none" : "not created";
    }
    if (r.dropped() == null) {
      return r.isFinished() ? "none left" : "exists";
    }
    return r.dropped() ? "dropped" : "KEPT (not dropped)";
  }

  /** "12 drills: 9 success, 1 verify_failed, 2 skipped". */
  public static String summary(List<DrillRecord> all) {
    Map<DrillStatus, Long> by = new EnumMap<>(DrillStatus.class);
    all.forEach(r -> by.merge(r.status(), 1L, Long::sum));
    String parts =
        by.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey().label())
            .collect(Collectors.joining(", "));
    return all.size()
        + (all.size() == 1 ? " drill" : " drills")
        + (parts.isEmpty() ? "" : ": " + parts);
  }
}
