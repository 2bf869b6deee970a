package io.rdswatch.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.bench.report.Row;
import io.rdswatch.bench.report.Stats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figure 3, and the idle costs figure 6 needs. First the agent sits idle: a few scrapes give the
 * idle latency (the baseline for the ratio) and the agent's CPU per scrape, then a quiet spell gives
 * its CPU per second doing nothing. Then the agent polls back to back while the harness scrapes
 * {@code --scrapes} times in a row: if a scrape ever waited for a poll, p99 would show it.
 */
final class Scrapes {

  static final double MAX_P99_MILLIS = 100;
  private static final int IDLE_SCRAPES = 20;

  /** What an idle agent costs: CPU per scrape, and per second with nothing to do. */
  record IdleCosts(double cpuPerScrape, double cpuPerSecond, int pageBytes) {}

  private Scrapes() {}

  static IdleCosts figure3(Run run, ChildJvm agent, Scraper scraper) throws IOException, InterruptedException {
    for (int i = 0; i < 5; i++) {
      scraper.metrics(); // warm the page's code paths
    }
    long cpu0 = agentCpu(agent);
    List<Double> idle = new ArrayList<>();
    int bytes = 0;
    for (int i = 0; i < IDLE_SCRAPES; i++) {
      Scraper.Response r = scraper.metrics();
      idle.add(r.millis());
      bytes = r.body().length();
    }
    double cpuPerScrape = (agentCpu(agent) - cpu0) / 1e9 / IDLE_SCRAPES;

    long quiet0 = agentCpu(agent);
    long t0 = System.nanoTime();
    Thread.sleep(run.options().idleSeconds * 1000L);
    double cpuPerSecond = (agentCpu(agent) - quiet0) / (double) (System.nanoTime() - t0);

    agent.call("loop start", Timeouts.QUICK);
    List<Double> busy = new ArrayList<>();
    int cycles;
    try {
      for (int i = 0; i < run.options().scrapes; i++) {
        busy.add(scraper.metrics().millis());
      }
    } finally {
      cycles = agent.call("loop stop", Timeouts.CYCLE).get("cycles").asInt();
    }
    double p50 = Stats.median(busy);
    double p99 = Stats.percentile(busy, 99);
    double idleP50 = Stats.median(idle);
    var r = run.results();
    r.add(Row.info("3", "scrape p50 during polling", p50, String.format("%.1f ms", p50)));
    r.add(Row.checked("3", "scrape p99 during polling", p99, String.format("%.1f ms", p99),
        "<= " + (int) MAX_P99_MILLIS + " ms", p99 <= MAX_P99_MILLIS));
    r.add(Row.info("3", "scrape p99 polling / p50 idle", p99 / idleP50,
        String.format("%.2fx (idle p50 %.1f ms)", p99 / idleP50, idleP50)));
    r.add(Row.info("3", "page size", bytes, String.format("%.2f MB", bytes / 1e6)));
    r.add(Row.info("3", "poll cycles completed during the scrapes", cycles, Integer.toString(cycles)));
    r.detail("figure3", Map.of("busyMillis", busy, "idleMillis", idle, "cycles", cycles,
        "agentCpuPerScrapeSeconds", cpuPerScrape, "agentIdleCpuPerSecond", cpuPerSecond));
    return new IdleCosts(cpuPerScrape, cpuPerSecond, bytes);
  }

  private static long agentCpu(ChildJvm agent) throws InterruptedException {
    JsonNode reply = agent.call("cpu", Timeouts.QUICK);
    return reply.get("cpuNanos").asLong();
  }
}
