package io.rdswatch.bench.driver;

import io.rdswatch.bench.report.Row;
import io.rdswatch.bench.report.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Figures 1 and 2. Baseline and agent cycles alternate (after two warm-ups of each), so drift in a
 * noisy machine hits both alike; each ratio is taken within its pair, and the figure is the median.
 */
final class PollCycles {

  static final double MAX_RATIO = 1.3;

  /** A steady cycle's TDS bytes may be at most this share of a full read's. */
  static final double MAX_WIRE_SHARE = 0.05;

  /** "linear or better": the agent's CPU per row may not grow with history beyond noise. */
  static final double MAX_PER_ROW_GROWTH = 1.25;

  private static final int WARM_UPS = 2;

  private PollCycles() {}

  /**
   * Figure 1 on the main fleet, in steady state (after the warm-ups every instance has had its
   * first full read): the agent against the raw-JDBC loop of the same incremental query, and
   * against the full-read loop (exec rds_task_status) for what the wire and the server save.
   * Returns the agent's cycles for figure 6.
   */
  static List<Cycle> figure1(Run run, ChildJvm agent) throws InterruptedException {
    List<Cycle[]> rounds =
        rounds(run, agent, "main", 1, List.of("baseline", "fullbaseline", "cycle"));
    List<Cycle> base = column(rounds, 0);
    List<Cycle> full = column(rounds, 1);
    List<Cycle> agentCycles = column(rounds, 2);
    double ratio =
        Stats.median(rounds.stream().map(p -> p[2].wallSeconds() / p[0].wallSeconds()).toList());
    double wall = median(agentCycles, Cycle::wallSeconds);
    double cpuRatio =
        Stats.median(rounds.stream().map(p -> p[2].cpuSeconds() / p[0].cpuSeconds()).toList());
    var r = run.results();
    r.add(
        Row.checked(
            "1",
            "agent cycle / incremental floor (wall)",
            ratio,
            String.format("%.2fx", ratio),
            "<= " + MAX_RATIO + "x",
            ratio <= MAX_RATIO));
    double maxCycle = Targets.of(run.options()).cycleSeconds();
    r.add(
        Row.checked(
            "1",
            "agent cycle wall time",
            wall,
            String.format("%.2f s", wall),
            "< " + maxCycle + " s",
            wall < maxCycle));
    r.add(
        Row.info(
            "1",
            "incremental floor cycle wall time",
            median(base, Cycle::wallSeconds),
            String.format("%.2f s", median(base, Cycle::wallSeconds))));
    r.add(
        Row.info(
            "1",
            "full-read loop cycle wall time (exec rds_task_status)",
            median(full, Cycle::wallSeconds),
            String.format("%.2f s", median(full, Cycle::wallSeconds))));
    r.add(
        Row.info(
            "1",
            "agent CPU / incremental floor CPU (agent JVM)",
            cpuRatio,
            String.format("%.2fx", cpuRatio)));
    double bytesAgent = median(agentCycles, Cycle::simulatorBytes);
    double bytesFull = median(full, Cycle::simulatorBytes);
    double bytesRatio = bytesAgent / bytesFull;
    r.add(
        Row.checked(
            "1",
            "bytes on the wire per cycle, agent / full read",
            bytesRatio,
            String.format(
                "%.1f%% (%.0f kB / %.0f kB; floor %.0f kB)",
                bytesRatio * 100,
                bytesAgent / 1e3,
                bytesFull / 1e3,
                median(base, Cycle::simulatorBytes) / 1e3),
            "<= " + Math.round(MAX_WIRE_SHARE * 100) + "%",
            bytesRatio <= MAX_WIRE_SHARE));
    double simA = median(agentCycles, Cycle::simulatorCpuSeconds);
    double simB = median(base, Cycle::simulatorCpuSeconds);
    double simF = median(full, Cycle::simulatorCpuSeconds);
    r.add(
        Row.info(
            "1",
            "simulator CPU per cycle, agent / floor / full read",
            simF > 0 ? simA / simF : 0,
            String.format(
                "%.3f s / %.3f s / %.3f s (agent %.2fx full)",
                simA, simB, simF, simF > 0 ? simA / simF : 0)));
    r.detail(
        "figure1",
        Map.of(
            "baseline",
            base,
            "fullRead",
            full,
            "agent",
            agentCycles,
            "rowsPerCycle",
            agentCycles.get(0).rows(),
            "fullRowsPerCycle",
            full.get(0).rows()));
    return agentCycles;
  }

  /**
   * Figure 2: the same pairs on two fleets that differ only in history. Checked: the agent's CPU
   * per row may not grow with history (linear or better). Its CPU beyond the driver, the agent's
   * minus the baseline's, is shown too; it goes negative where the agent skips rows it already
   * knows and so decodes less than the baseline, which reads every column.
   */
  static void figure2(Run run, ChildJvm agent, int lowH, int highH) throws InterruptedException {
    Map<Integer, Double> perRow = new LinkedHashMap<>();
    Map<Integer, Double> beyondPerRow = new LinkedHashMap<>();
    Map<String, Object> details = new LinkedHashMap<>();
    var r = run.results();
    for (int h : List.of(lowH, highH)) {
      String set = "growth-" + h;
      // short cycles are repeated until each measurement reads some 10,000 rows (25 cycles at most)
      int times =
          (int)
              Math.min(
                  25,
                  Math.max(
                      1, Math.round(10_000.0 / ((double) run.options().growthInstances() * h))));
      List<Cycle[]> pairs = rounds(run, agent, set, times, List.of("baseline", "cycle"));
      List<Cycle> base = column(pairs, 0);
      List<Cycle> agentCycles = column(pairs, 1);
      int instances = run.options().growthInstances();
      // per task kept on RDS (the history), not per row read: a narrow read's rows do not grow with
      // it
      double rows = (double) instances * h;
      double agentCpu = median(agentCycles, Cycle::cpuSeconds);
      double beyond =
          Stats.median(pairs.stream().map(p -> p[1].cpuSeconds() - p[0].cpuSeconds()).toList());
      perRow.put(h, agentCpu / rows);
      beyondPerRow.put(h, beyond / rows);
      details.put(
          set, Map.of("baseline", base, "agent", agentCycles, "cyclesPerMeasurement", times));
      r.add(
          Row.info(
              "2",
              "agent CPU per poll, H=" + h,
              agentCpu / instances,
              String.format("%.2f ms", agentCpu / instances * 1e3)));
    }
    double low = perRow.get(lowH);
    double high = perRow.get(highH);
    r.add(
        Row.info(
            "2",
            "agent CPU per task of history, H=" + lowH,
            low,
            String.format("%.1f us", low * 1e6)));
    r.add(
        Row.checked(
            "2",
            "agent CPU per task of history, H=" + highH,
            high,
            String.format("%.1f us (%.2fx H=%d)", high * 1e6, high / low, lowH),
            "<= " + MAX_PER_ROW_GROWTH + "x H=" + lowH,
            high <= MAX_PER_ROW_GROWTH * low));
    r.add(
        Row.info(
            "2",
            "agent minus floor CPU per task of history, H=" + lowH + " / " + highH,
            beyondPerRow.get(highH),
            String.format(
                "%+.1f / %+.1f us", beyondPerRow.get(lowH) * 1e6, beyondPerRow.get(highH) * 1e6)));
    r.detail("figure2", details);
  }

  /**
   * Warm-ups, then {@code repetitions} rounds of {@code kinds}; closes the set's baseline
   * afterwards.
   */
  private static List<Cycle[]> rounds(
      Run run, ChildJvm agent, String set, int times, List<String> kinds)
      throws InterruptedException {
    agent.call("open " + set, Timeouts.CYCLE);
    try {
      for (int i = 0; i < WARM_UPS; i++) {
        for (String kind : kinds) {
          Cycle.run(agent, run.fleet(), kind, set, times);
        }
      }
      List<Cycle[]> rounds = new ArrayList<>();
      for (int i = 0; i < run.options().repetitions; i++) {
        Cycle[] round = new Cycle[kinds.size()];
        StringBuilder line =
            new StringBuilder(String.format("  %s %d/%d:", set, i + 1, run.options().repetitions));
        for (int k = 0; k < kinds.size(); k++) {
          round[k] = Cycle.run(agent, run.fleet(), kinds.get(k), set, times);
          line.append(
              String.format(
                  " %s %.2f s wall %.2f s CPU %.0f kB;",
                  kinds.get(k),
                  round[k].wallSeconds(),
                  round[k].cpuSeconds(),
                  round[k].simulatorBytes() / 1e3));
        }
        rounds.add(round);
        run.progress().say(line.toString());
      }
      return rounds;
    } finally {
      agent.call("close " + set, Timeouts.CYCLE);
    }
  }

  private static List<Cycle> column(List<Cycle[]> pairs, int i) {
    return pairs.stream().map(p -> p[i]).toList();
  }

  private static double median(List<Cycle> cycles, Function<Cycle, Double> f) {
    return Stats.median(cycles.stream().map(f).toList());
  }
}
