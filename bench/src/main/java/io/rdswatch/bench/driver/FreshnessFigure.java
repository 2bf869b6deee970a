package io.rdswatch.bench.driver;

import io.rdswatch.bench.report.Row;
import io.rdswatch.bench.report.Stats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figure 5: from a task turning ERROR in the simulator to rdswatch_task_failures_total rising. */
final class FreshnessFigure {

  private FreshnessFigure() {}

  static void figure5(Run run, List<FreshnessProbe> probes) {
    int interval = run.options().intervalSeconds;
    List<Double> seconds = probes.stream().map(FreshnessProbe::seconds).toList();
    Map<String, Object> samples = new LinkedHashMap<>();
    probes.forEach(p -> samples.put(p.instance(), p.seconds()));
    boolean all = seconds.stream().noneMatch(s -> s.isNaN());
    double max = all ? Stats.max(seconds) : Double.NaN;
    var r = run.results();
    r.add(
        Row.checked(
            "5",
            "ERROR -> failures_total rises, worst of " + seconds.size(),
            max,
            all ? String.format("%.1f s (%.2f intervals)", max, max / interval) : "never rose",
            String.format("<= %d s + 1 s", interval),
            all && max <= interval + 1.0));
    if (all) {
      double median = Stats.median(seconds);
      r.add(
          Row.info(
              "5",
              "ERROR -> failures_total rises, median",
              median,
              String.format("%.1f s", median)));
    }
    r.detail("figure5", Map.of("intervalSeconds", interval, "secondsPerInstance", samples));
  }
}
