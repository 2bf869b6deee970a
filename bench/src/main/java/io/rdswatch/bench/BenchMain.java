package io.rdswatch.bench;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import io.rdswatch.bench.driver.BenchOptions;
import io.rdswatch.bench.driver.Progress;
import io.rdswatch.bench.report.Results;
import io.rdswatch.bench.report.ResultsJson;
import io.rdswatch.bench.report.ResultsTable;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/run.sh's entry point. Exit codes: 0 every target met, 3 the run completed but a target was
 * missed, 2 bad options, 1 the harness itself failed (see the child logs under --work/logs).
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(System.out, args));
  }

  public static int run(PrintStream out, String... args) {
    BenchOptions o = new BenchOptions();
    JCommander jc = JCommander.newBuilder().programName("bench/run.sh").addObject(o).build();
    try {
      jc.parse(args);
    } catch (ParameterException e) {
      out.println("bench: " + e.getMessage());
      return 2;
    }
    if (o.help) {
      jc.usage();
      return 0;
    }
    List<String> problems = o.problems();
    if (!problems.isEmpty()) {
      problems.forEach(p -> out.println("bench: " + p));
      return 2;
    }
    Progress progress = new Progress(out);
    String classpath = System.getProperty("bench.classpath", System.getProperty("java.class.path"));
    try {
      Results results = Bench.run(o, classpath, o.repo, progress);
      out.println();
      out.print(ResultsTable.render(results.rows()));
      ResultsJson.write(o.out, results, echo(o), progress.elapsedSeconds());
      out.printf(
          "%nwritten to %s after %.0f s; %s%n",
          o.out,
          progress.elapsedSeconds(),
          results.allPass() ? "every target met" : "SOME TARGETS MISSED");
      return results.allPass() ? 0 : 3;
    } catch (Exception e) {
      out.println("bench: the run failed: " + e.getMessage());
      e.printStackTrace(out);
      return 1;
    }
  }

  private static Map<String, Object> echo(BenchOptions o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("instances", o.instances);
    m.put("databases", o.databases);
    m.put("history", o.history);
    m.put("repetitions", o.repetitions);
    m.put("growthInstances", o.growthInstances());
    m.put("scrapes", o.scrapes);
    m.put("intervalSeconds", o.intervalSeconds);
    m.put("scrapeIntervalSeconds", o.scrapeIntervalSeconds);
    return m;
  }
}
