package io.rdswatch.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.bench.report.Row;

/**
 * Figure 4: the agent JVM's live heap after a full GC, and its RSS, after the cycles and scrapes.
 */
final class MemoryFigure {

  private MemoryFigure() {}

  static void figure4(Run run, ChildJvm agent) throws InterruptedException {
    JsonNode m = agent.call("memory", Timeouts.CYCLE);
    long heap = m.get("heapAfterFullGcBytes").asLong();
    long rss = m.get("rssBytes").asLong();
    var r = run.results();
    Targets t = Targets.of(run.options());
    r.add(
        Row.checked(
            "4",
            "heap after full GC",
            heap,
            mb(heap),
            "<= " + mb(t.heapBytes()),
            heap <= t.heapBytes()));
    r.add(Row.checked("4", "RSS", rss, mb(rss), "<= " + mb(t.rssBytes()), rss <= t.rssBytes()));
    int n = run.options().instances;
    r.add(
        Row.info(
            "4",
            "heap after full GC per instance",
            (double) heap / n,
            String.format("%.1f kB", heap / 1e3 / n)));
    r.add(
        Row.info(
            "4",
            "heap committed / max (-Xmx)",
            m.get("heapCommittedBytes").asLong(),
            mb(m.get("heapCommittedBytes").asLong()) + " / " + mb(m.get("heapMaxBytes").asLong())));
    r.add(
        Row.info(
            "4",
            "peak RSS so far",
            m.get("peakRssBytes").asLong(),
            mb(m.get("peakRssBytes").asLong())));
    r.detail("figure4", m);
  }

  private static String mb(long bytes) {
    return String.format("%.0f MB", bytes / 1048576.0);
  }
}
