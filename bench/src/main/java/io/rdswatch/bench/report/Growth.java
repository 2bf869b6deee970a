package io.rdswatch.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.bench.wire.Wire;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How the figures grow from one fleet size to another (bench/README.md, "Scale run"): reads two
 * results files and prints each measure per instance at both sizes. "linear or better" means the
 * per-instance value at the larger fleet is at most {@link #NOISE} times that at the smaller one.
 * Usage: {@code bench/growth.sh smaller.json larger.json}.
 */
public final class Growth {

  static final double NOISE = 1.15;

  /**
   * A row of the results table by its metric name (prefix), divided by N when it is a fleet total.
   */
  record Measure(String metric, boolean perInstance, String unit, double scale) {}

  static final List<Measure> MEASURES =
      List.of(
          new Measure("agent cycle wall time", true, "ms", 1e3),
          new Measure("average agent CPU at a 60 s interval (derived)", true, "% of a core", 100),
          new Measure("heap after full GC per instance", false, "kB", 1e-3),
          new Measure("page size", true, "kB", 1e-3),
          new Measure("series per instance", false, "", 1),
          new Measure("scrape p99 during scheduled polling", true, "ms", 1));

  private Growth() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println(
          "usage: bench/growth.sh SMALLER.json LARGER.json (two bench/results files)");
      System.exit(2);
    }
    JsonNode a = Wire.JSON.readTree(Path.of(args[0]).toFile());
    JsonNode b = Wire.JSON.readTree(Path.of(args[1]).toFile());
    long na = a.path("options").path("instances").asLong();
    long nb = b.path("options").path("instances").asLong();
    System.out.printf(
        "%-52s %16s %16s %8s  %s%n", "per instance", "N=" + na, "N=" + nb, "growth", "verdict");
    boolean allLinear = true;
    for (Measure m : MEASURES) {
      Double va = value(a, m.metric());
      Double vb = value(b, m.metric());
      if (va == null || vb == null) {
        System.out.printf("%-52s %s%n", m.metric(), "not in both runs");
        continue;
      }
      double pa = (m.perInstance() ? va / na : va) * m.scale();
      double pb = (m.perInstance() ? vb / nb : vb) * m.scale();
      double growth = pb / pa;
      boolean linear = growth <= NOISE;
      allLinear &= linear;
      System.out.printf(
          "%-52s %12.4g %-3s %12.4g %-3s %7.2fx  %s%n",
          m.metric(),
          pa,
          m.unit(),
          pb,
          m.unit(),
          growth,
          linear ? "linear or better" : "worse than linear");
    }
    System.exit(allLinear ? 0 : 3);
  }

  private static Double value(JsonNode results, String metric) {
    for (JsonNode row : results.path("rows")) {
      if (row.path("metric").asText().startsWith(metric) && row.path("value").isNumber()) {
        return row.path("value").asDouble();
      }
    }
    return null;
  }
}
