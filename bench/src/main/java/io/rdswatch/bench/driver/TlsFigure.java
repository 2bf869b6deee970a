package io.rdswatch.bench.driver;

import io.rdswatch.bench.report.Row;
import io.rdswatch.bench.report.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Figure 8: what TLS costs, on twin fleets of N instances that differ only in speaking TLS (the
 * agent's production settings, certificate checked) or plain TDS. The first cycle of a fresh poller
 * opens every connection at poll.concurrency at once, the connect storm of an agent start; the
 * cycles after it reuse the connections, the steady cost of polling.
 */
final class TlsFigure {
  static final String PLAIN = "tls-cmp-plain";
  static final String TLS = "tls-cmp-tls";

  private TlsFigure() {}

  record Side(Cycle storm, List<Cycle> steady) {}

  static void figure8(Run run, ChildJvm agent) throws InterruptedException {
    Side plain = side(run, agent, PLAIN);
    Side tls = side(run, agent, TLS);
    var r = run.results();
    pair(
        r,
        "connect storm (first cycle) wall",
        plain.storm().wallSeconds(),
        tls.storm().wallSeconds(),
        "%.2f s");
    pair(
        r,
        "connect storm agent CPU",
        plain.storm().cpuSeconds(),
        tls.storm().cpuSeconds(),
        "%.2f s");
    pair(
        r,
        "connect storm simulator CPU",
        plain.storm().simulatorCpuSeconds(),
        tls.storm().simulatorCpuSeconds(),
        "%.2f s");
    pair(
        r,
        "steady cycle wall",
        median(plain.steady(), Cycle::wallSeconds),
        median(tls.steady(), Cycle::wallSeconds),
        "%.2f s");
    pair(
        r,
        "steady cycle agent CPU",
        median(plain.steady(), Cycle::cpuSeconds),
        median(tls.steady(), Cycle::cpuSeconds),
        "%.3f s");
    pair(
        r,
        "steady cycle simulator CPU",
        median(plain.steady(), Cycle::simulatorCpuSeconds),
        median(tls.steady(), Cycle::simulatorCpuSeconds),
        "%.3f s");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plain", Map.of("storm", plain.storm(), "steady", plain.steady()));
    details.put("tls", Map.of("storm", tls.storm(), "steady", tls.steady()));
    r.detail("figure8", details);
  }

  private static Side side(Run run, ChildJvm agent, String set) throws InterruptedException {
    agent.call("poller " + set, Timeouts.CYCLE);
    try {
      Cycle storm = Cycle.run(agent, run.fleet(), "cycle", set, 1);
      Cycle.run(agent, run.fleet(), "cycle", set, 1); // warm-up
      List<Cycle> steady = new ArrayList<>();
      for (int i = 0; i < run.options().repetitions; i++) {
        steady.add(Cycle.run(agent, run.fleet(), "cycle", set, 1));
      }
      run.progress()
          .say(
              String.format(
                  "  %s: connect storm %.2f s wall, %.2f s agent CPU; steady cycle %.2f s wall",
                  set,
                  storm.wallSeconds(),
                  storm.cpuSeconds(),
                  median(steady, Cycle::wallSeconds)));
      return new Side(storm, steady);
    } finally {
      agent.call("close " + set, Timeouts.CYCLE);
    }
  }

  private static void pair(
      io.rdswatch.bench.report.Results r, String what, double plain, double tls, String unit) {
    r.add(
        Row.info(
            "8",
            what + ", plain / TLS",
            tls,
            String.format(
                unit + " / " + unit + " (%.2fx)",
                plain,
                tls,
                plain > 0 ? tls / plain : Double.NaN)));
  }

  private static double median(List<Cycle> cycles, Function<Cycle, Double> f) {
    return Stats.median(cycles.stream().map(f).toList());
  }
}
