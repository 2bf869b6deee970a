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
  static final double MAX_CYCLE_SECONDS = 10;
  /** "linear or better": the agent's CPU per row may not grow with history beyond noise. */
  static final double MAX_PER_ROW_GROWTH = 1.25;
  private static final int WARM_UPS = 2;

  private PollCycles() {}

  /** Figure 1 on the main fleet; returns the agent's cycles for figure 6. */
  static List<Cycle> figure1(Run run, ChildJvm agent) throws InterruptedException {
    List<Cycle[]> pairs = pairs(run, agent, "main", 1);
    List<Cycle> base = column(pairs, 0);
    List<Cycle> agentCycles = column(pairs, 1);
    double ratio = Stats.median(pairs.stream().map(p -> p[1].wallSeconds() / p[0].wallSeconds()).toList());
    double wall = median(agentCycles, Cycle::wallSeconds);
    double cpuRatio = Stats.median(pairs.stream().map(p -> p[1].cpuSeconds() / p[0].cpuSeconds()).toList());
    var r = run.results();
    r.add(Row.checked("1", "agent cycle / baseline cycle (wall)", ratio, String.format("%.2fx", ratio),
        "<= " + MAX_RATIO + "x", ratio <= MAX_RATIO));
    r.add(Row.checked("1", "agent cycle wall time", wall, String.format("%.2f s", wall),
        "< " + (int) MAX_CYCLE_SECONDS + " s", wall < MAX_CYCLE_SECONDS));
    r.add(Row.info("1", "baseline cycle wall time", median(base, Cycle::wallSeconds),
        String.format("%.2f s", median(base, Cycle::wallSeconds))));
    r.add(Row.info("1", "agent CPU / baseline CPU (agent JVM)", cpuRatio, String.format("%.2fx", cpuRatio)));
    double simA = median(agentCycles, Cycle::simulatorCpuSeconds);
    double simB = median(base, Cycle::simulatorCpuSeconds);
    r.add(Row.info("1", "simulator CPU per cycle, agent / baseline", simA,
        String.format("%.2f s / %.2f s", simA, simB)));
    r.detail("figure1", Map.of("baseline", base, "agent", agentCycles, "rowsPerCycle", agentCycles.get(0).rows()));
    return agentCycles;
  }

  /**
   * Figure 2: the same pairs on two fleets that differ only in history. Checked: the agent's CPU
   * per row may not grow with history (linear or better). Its CPU beyond the driver, the agent's
   * minus the baseline's, is shown too; it goes negative where the agent skips rows it already knows
   * and so decodes less than the baseline, which reads every column.
   */
  static void figure2(Run run, ChildJvm agent, int lowH, int highH) throws InterruptedException {
    Map<Integer, Double> perRow = new LinkedHashMap<>();
    Map<Integer, Double> beyondPerRow = new LinkedHashMap<>();
    Map<String, Object> details = new LinkedHashMap<>();
    var r = run.results();
    for (int h : List.of(lowH, highH)) {
      String set = "growth-" + h;
      // short cycles are repeated until each measurement reads some 10,000 rows (25 cycles at most)
      int times = (int) Math.min(25, Math.max(1, Math.round(10_000.0 / ((double) run.options().growthInstances() * h))));
      List<Cycle[]> pairs = pairs(run, agent, set, times);
      List<Cycle> base = column(pairs, 0);
      List<Cycle> agentCycles = column(pairs, 1);
      int instances = run.options().growthInstances();
      double rows = agentCycles.get(0).rows();
      double agentCpu = median(agentCycles, Cycle::cpuSeconds);
      double beyond = Stats.median(pairs.stream().map(p -> p[1].cpuSeconds() - p[0].cpuSeconds()).toList());
      perRow.put(h, agentCpu / rows);
      beyondPerRow.put(h, beyond / rows);
      details.put(set, Map.of("baseline", base, "agent", agentCycles, "cyclesPerMeasurement", times));
      r.add(Row.info("2", "agent CPU per poll, H=" + h + " (" + Math.round(rows / instances) + " rows)",
          agentCpu / instances, String.format("%.2f ms", agentCpu / instances * 1e3)));
    }
    double low = perRow.get(lowH);
    double high = perRow.get(highH);
    r.add(Row.info("2", "agent CPU per row, H=" + lowH, low, String.format("%.1f us", low * 1e6)));
    r.add(Row.checked("2", "agent CPU per row, H=" + highH, high,
        String.format("%.1f us (%.2fx H=%d)", high * 1e6, high / low, lowH),
        "<= " + MAX_PER_ROW_GROWTH + "x H=" + lowH, high <= MAX_PER_ROW_GROWTH * low));
    r.add(Row.info("2", "agent minus baseline CPU per row, H=" + lowH + " / " + highH, beyondPerRow.get(highH),
        String.format("%+.1f / %+.1f us", beyondPerRow.get(lowH) * 1e6, beyondPerRow.get(highH) * 1e6)));
    r.detail("figure2", details);
  }

  /** Warm-ups, then {@code repetitions} of [baseline, agent]; closes the set's baseline afterwards. */
  private static List<Cycle[]> pairs(Run run, ChildJvm agent, String set, int times) throws InterruptedException {
    agent.call("open " + set, Timeouts.CYCLE);
    try {
      for (int i = 0; i < WARM_UPS; i++) {
        Cycle.run(agent, run.fleet(), "baseline", set, times);
        Cycle.run(agent, run.fleet(), "cycle", set, times);
      }
      List<Cycle[]> pairs = new ArrayList<>();
      for (int i = 0; i < run.options().repetitions; i++) {
        Cycle b = Cycle.run(agent, run.fleet(), "baseline", set, times);
        Cycle a = Cycle.run(agent, run.fleet(), "cycle", set, times);
        pairs.add(new Cycle[] {b, a});
        run.progress().say(String.format("  %s %d/%d: baseline %.2f s, agent %.2f s wall; agent CPU %.2f s vs %.2f s",
            set, i + 1, run.options().repetitions, b.wallSeconds(), a.wallSeconds(), a.cpuSeconds(), b.cpuSeconds()));
      }
      return pairs;
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
