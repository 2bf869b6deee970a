package io.rdswatch.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The production agent ({@code rdswatch agent --config}) polling N instances on its own schedule,
 * restarted on the state the on-demand agent left: figure 5, the checked part of figure 3, and
 * figure 6's direct cross-check. After its first interval (every instance polled once) the harness
 * scrapes /metrics {@code --scrapes} times, 100 ms apart, and at the end measures the agent's CPU
 * over one more interval without any scrape. Meanwhile each freshness sample waits for its
 * instance's first poll and then a set share of the interval before failing a backup there, so the
 * samples spread from just after a poll (the worst case, about one interval) to shortly before the
 * next one.
 */
final class ScheduledAgentPhase {

  /** The scheduled agent's CPU over one whole interval in which the harness left it alone. */
  record Window(double cpuSeconds, double seconds) {}

  /** Everything the phase measured. */
  record Outcome(
      Window window,
      List<Double> scrapeMillis,
      int pageBytes,
      int pageSeries,
      List<FreshnessProbe> probes,
      List<Double> gzipMillis,
      int gzipBytes) {}

  /** Scrapes with Accept-Encoding: gzip, as Prometheus sends by default (enable_compression). */
  private static final int GZIP_SCRAPES = 10;

  private static final long TICK_MILLIS = 100;

  /** One more interval with no scrapes at all: what polling alone costs, for figure 6. */
  private static Window quietInterval(Run run, ChildJvm agent, long intervalMillis)
      throws InterruptedException {
    run.progress().say("  one quiet interval for figure 6");
    long cpu0 = agent.cpuNanos();
    long t0 = System.nanoTime();
    Thread.sleep(intervalMillis);
    return new Window((agent.cpuNanos() - cpu0) / 1e9, (System.nanoTime() - t0) / 1e9);
  }

  private ScheduledAgentPhase() {}

  static Outcome run(Run run) throws Exception {
    List<JsonNode> fresh = run.instances("fresh");
    List<JsonNode> main = run.instances("main");
    List<JsonNode> polled =
        new ArrayList<>(main.subList(0, Math.max(0, main.size() - fresh.size())));
    polled.addAll(fresh);
    int interval = run.options().intervalSeconds;
    int[] ports = FreePorts.two();
    Path config =
        ConfigWriter.write(
            run.work().resolve("agent-scheduled.yml"),
            polled,
            run.user(),
            run.password(),
            ports[0],
            ports[1],
            interval,
            run.stateDir());
    run.progress()
        .say(
            "figures 3 and 5: production agent, "
                + polled.size()
                + " instances every "
                + interval
                + " s");
    try (ChildJvm agent =
        ChildJvm.start(
            "agent-scheduled",
            run.agentJavaOpts(),
            run.classpath(),
            "io.rdswatch.agent.cli.Main",
            List.of("agent", "--config", config.toString()),
            run.log("agent-scheduled"))) {
      Scraper scraper = new Scraper(URI.create("http://127.0.0.1:" + ports[0]));
      scraper.awaitUp(Timeouts.START, agent);
      long started = System.currentTimeMillis();
      List<FreshnessProbe> probes = new ArrayList<>();
      for (int i = 0; i < fresh.size(); i++) {
        probes.add(
            new FreshnessProbe(
                fresh.get(i).get("name").asText(), interval * 1000L * i / fresh.size()));
      }
      Outcome outcome = watch(run, agent, scraper, probes, started, interval * 1000L);
      agent.stop(Timeouts.QUICK);
      return outcome;
    }
  }

  private static Outcome watch(
      Run run,
      ChildJvm agent,
      Scraper scraper,
      List<FreshnessProbe> probes,
      long started,
      long intervalMillis)
      throws Exception {
    long steadyFrom = started + intervalMillis;
    boolean said = false;
    int pageBytes = 0;
    int pageSeries = 0;
    List<Double> latencies = new ArrayList<>();
    long giveUp = intervalMillis + 30_000;
    int wanted = run.options().scrapes;
    while (true) {
      long now = System.currentTimeMillis();
      boolean steady = now >= steadyFrom;
      if (steady && !said) {
        said = true;
        run.progress().say("  first interval over; scraping /metrics " + wanted + " times");
      }
      boolean probesDone = probes.stream().allMatch(p -> p.stage() == FreshnessProbe.Stage.DONE);
      if (probesDone && latencies.size() >= wanted) {
        List<Double> gzip = new ArrayList<>();
        int gzipBytes = 0;
        for (int i = 0; i < GZIP_SCRAPES; i++) {
          Scraper.Response r = scraper.metricsGzipped();
          gzip.add(r.millis());
          gzipBytes = r.bytes().length;
        }
        return new Outcome(
            quietInterval(run, agent, intervalMillis),
            latencies,
            pageBytes,
            pageSeries,
            probes,
            gzip,
            gzipBytes);
      }
      for (FreshnessProbe p : probes) {
        if (p.stage() == FreshnessProbe.Stage.WAIT_FIRST_POLL) {
          p.checkFirstPoll(scraper);
        } else if (p.due()) {
          p.trigger(scraper, run.fleet());
          run.progress()
              .say("  " + p.instance() + ": a backup turned ERROR; watching /metrics for it");
        }
      }
      boolean watching = probes.stream().anyMatch(p -> p.stage() == FreshnessProbe.Stage.WATCHING);
      if (watching || (steady && latencies.size() < wanted)) {
        Scraper.Response page = scraper.metrics();
        if (steady && latencies.size() < wanted) {
          latencies.add(page.millis());
          pageBytes = page.bytes().length;
          pageSeries = series(page.bytes());
          if (latencies.size() == wanted) {
            Files.write(
                run.work().resolve("metrics-sample.txt"),
                page.bytes()); // for the README's page anatomy
          }
        }
        String text = page.body();
        for (FreshnessProbe p : probes) {
          p.observe(text, page.endWallMillis(), giveUp);
        }
      }
      Thread.sleep(TICK_MILLIS);
    }
  }

  /** Samples on an exposition page: lines that are neither comments nor empty. */
  static int series(byte[] page) {
    int series = 0;
    boolean lineStart = true;
    boolean sample = false;
    for (byte b : page) {
      if (lineStart) {
        sample = b != '#' && b != '\n';
      }
      if (b == '\n') {
        series += sample ? 1 : 0;
        sample = false;
      }
      lineStart = b == '\n';
    }
    return series;
  }
}
