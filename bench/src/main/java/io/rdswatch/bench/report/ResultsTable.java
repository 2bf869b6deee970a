package io.rdswatch.bench.report;

import java.util.List;

/** The table bench/run.sh prints: figure, metric, value, target, verdict. */
public final class ResultsTable {

  private ResultsTable() {}

  public static String render(List<Row> rows) {
    String[] head = {"fig", "metric", "value", "target", "result"};
    int[] w = {head[0].length(), head[1].length(), head[2].length(), head[3].length(), 6};
    for (Row r : rows) {
      w[0] = Math.max(w[0], r.figure().length());
      w[1] = Math.max(w[1], r.metric().length());
      w[2] = Math.max(w[2], r.shown().length());
      w[3] = Math.max(w[3], r.target().length());
    }
    StringBuilder out = new StringBuilder();
    line(out, w, head);
    out.append("-".repeat(w[0] + w[1] + w[2] + w[3] + w[4] + 8)).append('\n');
    for (Row r : rows) {
      line(out, w, new String[] {r.figure(), r.metric(), r.shown(), r.target(), r.verdict()});
    }
    return out.toString();
  }

  private static void line(StringBuilder out, int[] w, String[] cells) {
    out.append(
        String.format(
            "%-" + w[0] + "s  %-" + w[1] + "s  %" + w[2] + "s  %-" + w[3] + "s  %s%n",
            (Object[]) cells));
  }
}
