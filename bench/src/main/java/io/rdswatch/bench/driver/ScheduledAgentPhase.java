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
 * scrapes /metrics {@code --scrapes} times, 100 ms apart, and measures the agent's CPU over at
 * least one whole interval. Meanwhile each freshness sample waits for its instance's first poll and
 * then a set share of the interval before failing a backup there, so the samples spread from just
 * after a poll (the worst case, about one interval) to shortly before the next one.
 */
final class ScheduledAgentPhase {

  /** The scheduled agent's CPU over whole intervals after start-up, and the harness's scrapes in it. */
  record Window(double cpuSeconds, double seconds, int scrapes) {}

  /** Everything the phase measured. */
  record Outcome(Window window, List<Double> scrapeMillis, int pageBytes, List<FreshnessProbe> probes) {}

  private static final long TICK_MILLIS = 100;

  private ScheduledAgentPhase() {}

  static Outcome run(Run run) throws Exception {
    List<JsonNode> fresh = run.instances("fresh");
    List<JsonNode> main = run.instances("main");
    List<JsonNode> polled = new ArrayList<>(main.subList(0, Math.max(0, main.size() - fresh.size())));
    polled.addAll(fresh);
    int interval = run.options().intervalSeconds;
    int[] ports = FreePorts.two();
    Path config = ConfigWriter.write(run.work().resolve("agent-scheduled.yml"), polled, run.user(), run.password(),
        ports[0], ports[1], interval, run.stateDir());
    run.progress().say("figures 3 and 5: production agent, " + polled.size() + " instances every " + interval + " s");
    try (ChildJvm agent = ChildJvm.start("agent-scheduled", run.agentJavaOpts(), run.classpath(),
        "io.rdswatch.agent.cli.Main", List.of("agent", "--config", config.toString()), run.log("agent-scheduled"))) {
      Scraper scraper = new Scraper(URI.create("http://127.0.0.1:" + ports[0]));
      scraper.awaitUp(Timeouts.START, agent);
      long started = System.currentTimeMillis();
      List<FreshnessProbe> probes = new ArrayList<>();
      for (int i = 0; i < fresh.size(); i++) {
        probes.add(new FreshnessProbe(fresh.get(i).get("name").asText(), interval * 1000L * i / fresh.size()));
      }
      Outcome outcome = watch(run, agent, scraper, probes, started, interval * 1000L);
      agent.stop(Timeouts.QUICK);
      return outcome;
    }
  }

  private static Outcome watch(Run run, ChildJvm agent, Scraper scraper, List<FreshnessProbe> probes, long started,
      long intervalMillis) throws Exception {
    long windowStart = started + intervalMillis;
    long cpuAtWindowStart = -1;
    int windowScrapes = 0;
    int pageBytes = 0;
    List<Double> latencies = new ArrayList<>();
    long giveUp = intervalMillis + 30_000;
    int wanted = run.options().scrapes;
    while (true) {
      long now = System.currentTimeMillis();
      boolean steady = now >= windowStart;
      if (steady && cpuAtWindowStart < 0) {
        cpuAtWindowStart = agent.cpuNanos();
        run.progress().say("  first interval over; scraping /metrics " + wanted + " times");
      }
      boolean probesDone = probes.stream().allMatch(p -> p.stage() == FreshnessProbe.Stage.DONE);
      if (probesDone && latencies.size() >= wanted && steady && now >= windowStart + intervalMillis) {
        Window w = new Window((agent.cpuNanos() - cpuAtWindowStart) / 1e9, (now - windowStart) / 1000.0, windowScrapes);
        return new Outcome(w, latencies, pageBytes, probes);
      }
      for (FreshnessProbe p : probes) {
        if (p.stage() == FreshnessProbe.Stage.WAIT_FIRST_POLL) {
          p.checkFirstPoll(scraper);
        } else if (p.due()) {
          p.trigger(scraper, run.fleet());
          windowScrapes += steady ? 1 : 0;
          run.progress().say("  " + p.instance() + ": a backup turned ERROR; watching /metrics for it");
        }
      }
      boolean watching = probes.stream().anyMatch(p -> p.stage() == FreshnessProbe.Stage.WATCHING);
      if (watching || (steady && latencies.size() < wanted)) {
        Scraper.Response page = scraper.metrics();
        windowScrapes += steady ? 1 : 0;
        if (steady && latencies.size() < wanted) {
          latencies.add(page.millis());
          pageBytes = page.bytes().length;
          if (latencies.size() == wanted) {
            Files.write(run.work().resolve("metrics-sample.txt"), page.bytes()); // for the README's page anatomy
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
}
