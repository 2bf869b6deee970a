package io.rdswatch.agent.drill.cli;

import io.rdswatch.agent.drill.http.DrillText;
import io.rdswatch.agent.drill.journal.DrillJson;
import io.rdswatch.agent.drill.journal.DrillRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** `rdswatch drill history --format table|json|markdown`: the history for audits, newest first. */
enum HistoryFormat {
  TABLE,
  JSON,
  MARKDOWN;

  private static final List<String> HEADER =
      List.of(
          "STARTED (UTC)", "INSTANCE", "DATABASE", "DRILL", "STATUS", "RTO", "CHECKS", "REASON");

  static HistoryFormat parse(String s) {
    try {
      return valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--format must be table, json or markdown, not '" + s + "'");
    }
  }

  String render(List<DrillRecord> newestFirst) throws Exception {
    if (this == JSON) {
      return DrillJson.write(newestFirst) + "\n";
    }
    List<List<String>> rows = new ArrayList<>();
    for (DrillRecord r : newestFirst) {
      rows.add(
          List.of(
              DrillText.time(r.startedAt()),
              r.plan().sourceInstance(),
              r.plan().database(),
              r.plan().drill(),
              r.status().label(),
              DrillText.rto(r),
              DrillText.checks(r.checks()),
              r.reason() == null ? "-" : r.reason()));
    }
    return this == MARKDOWN ? markdown(rows) : table(rows);
  }

  private static String markdown(List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    out.append(mdRow(HEADER)).append("|").append("---|".repeat(HEADER.size())).append('\n');
    rows.forEach(r -> out.append(mdRow(r)));
    return out.toString();
  }

  /** Pipes and line breaks would end a Markdown cell early. */
  private static String mdRow(List<String> cells) {
    StringBuilder line = new StringBuilder("|");
    for (String c : cells) {
      line.append(' ')
          .append(c.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\R", " "))
          .append(" |");
    }
    return line.append('\n').toString();
  }

  private static String table(List<List<String>> rows) {
    if (rows.isEmpty()) {
      return "no drills\n";
    }
    int[] w = new int[HEADER.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = HEADER.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], oneLine(r.get(i)).length());
      }
    }
    StringBuilder out = new StringBuilder();
    List<List<String>> all = new ArrayList<>(List.of(HEADER));
    all.addAll(rows);
    for (List<String> r : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < w.length; i++) {
        String c = oneLine(r.get(i));
        line.append(c).append(i < w.length - 1 ? " ".repeat(w[i] - c.length() + 2) : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\R", " ");
  }
}
