package io.rdswatch.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.bench.report.Row;
import io.rdswatch.bench.report.Stats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure 3, and the idle costs figure 6 needs. On the on-demand agent: idle scrapes give the idle
 * latency (the baseline of the ratio) and the CPU per scrape; a quiet spell gives the CPU per idle
 * second; scrapes while the poller runs cycles back to back (a stress case: some 10x the polling
 * rate of a 60 s interval) show the worst the CPU contention can do. The checked figure comes from
 * the scheduled agent of figure 5: {@code --scrapes} scrapes while it polls N instances on its own
 * schedule, after its first interval.
 */
final class Scrapes {

  private static final int IDLE_SCRAPES = 20;
  private static final int STRESS_SCRAPES = 50;

  /** What an idle agent costs: CPU per scrape and per second with nothing to do; idle latencies. */
  record IdleCosts(
      double cpuPerScrape,
      double cpuPerSecond,
      List<Double> idleMillis,
      List<Double> stressMillis) {}

  private Scrapes() {}

  static IdleCosts idle(Run run, ChildJvm agent, Scraper scraper)
      throws IOException, InterruptedException {
    agent.call(
        "cycle main", Timeouts.CYCLE); // every instance's snapshot is current, as in steady state
    for (int i = 0; i < 5; i++) {
      scraper.metrics(); // warm the page's code paths
    }
    long cpu0 = agentCpu(agent);
    List<Double> idle = new ArrayList<>();
    for (int i = 0; i < IDLE_SCRAPES; i++) {
      idle.add(scraper.metrics().millis());
    }
    double cpuPerScrape = (agentCpu(agent) - cpu0) / 1e9 / IDLE_SCRAPES;

    long quiet0 = agentCpu(agent);
    long t0 = System.nanoTime();
    Thread.sleep(run.options().idleSeconds * 1000L);
    double cpuPerSecond = (agentCpu(agent) - quiet0) / (double) (System.nanoTime() - t0);

    agent.call("loop start", Timeouts.QUICK);
    List<Double> stress = new ArrayList<>();
    try {
      for (int i = 0; i < STRESS_SCRAPES; i++) {
        stress.add(scraper.metrics().millis());
      }
    } finally {
      agent.call("loop stop", Timeouts.CYCLE);
    }
    return new IdleCosts(cpuPerScrape, cpuPerSecond, idle, stress);
  }

  static void figure3(Run run, IdleCosts idle, ScheduledAgentPhase.Outcome scheduled) {
    List<Double> busy = scheduled.scrapeMillis();
    double p50 = Stats.median(busy);
    double p99 = Stats.percentile(busy, 99);
    double idleP50 = Stats.median(idle.idleMillis());
    double stressP99 = Stats.percentile(idle.stressMillis(), 99);
    var r = run.results();
    r.add(Row.info("3", "scrape p50 during scheduled polling", p50, String.format("%.1f ms", p50)));
    double maxP99 = Targets.of(run.options()).scrapeP99Millis();
    r.add(
        Row.checked(
            "3",
            "scrape p99 during scheduled polling (" + busy.size() + ")",
            p99,
            String.format("%.1f ms", p99),
            "<= " + (int) maxP99 + " ms",
            p99 <= maxP99));
    r.add(
        Row.info(
            "3",
            "scrape p99 during polling / p50 idle",
            p99 / idleP50,
            String.format("%.2fx (idle p50 %.1f ms)", p99 / idleP50, idleP50)));
    r.add(
        Row.info(
            "3",
            "scrape p99, cycles back to back (stress)",
            stressP99,
            String.format("%.1f ms", stressP99)));
    r.add(
        Row.info(
            "3",
            "page size",
            scheduled.pageBytes(),
            String.format("%.2f MB", scheduled.pageBytes() / 1e6)));
    double perInstance = (double) scheduled.pageSeries() / run.options().instances;
    r.add(
        Row.info(
            "3",
            "series per instance",
            perInstance,
            String.format("%.0f (%d series on the page)", perInstance, scheduled.pageSeries())));
    double gzipP50 = Stats.median(scheduled.gzipMillis());
    r.add(
        Row.info(
            "3",
            "scrape p50 with Accept-Encoding: gzip",
            gzipP50,
            String.format("%.1f ms, %.2f MB sent", gzipP50, scheduled.gzipBytes() / 1e6)));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("scheduledMillis", busy);
    d.put("idleMillis", idle.idleMillis());
    d.put("stressMillis", idle.stressMillis());
    d.put("gzipMillis", scheduled.gzipMillis());
    d.put("agentCpuPerScrapeSeconds", idle.cpuPerScrape());
    d.put("agentIdleCpuPerSecond", idle.cpuPerSecond());
    run.results().detail("figure3", d);
  }

  private static long agentCpu(ChildJvm agent) throws InterruptedException {
    JsonNode reply = agent.call("cpu", Timeouts.QUICK);
    return reply.get("cpuNanos").asLong();
  }
}
