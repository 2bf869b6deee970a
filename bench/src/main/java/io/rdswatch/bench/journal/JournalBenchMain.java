package io.rdswatch.bench.journal;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.rdswatch.agent.drill.http.DrillsPage;
import io.rdswatch.agent.drill.journal.CheckResult;
import io.rdswatch.agent.drill.journal.DrillHistory;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillJson;
import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.RestoreTask;
import io.rdswatch.agent.drill.journal.SourceBackup;
import io.rdswatch.agent.drill.metrics.DrillSummary;
import io.rdswatch.exporter.metrics.DrillCollector;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * How long /metrics, /api/drills and /drills take with many drill journals in stateDir, in this JVM
 * (no HTTP: the figure is the agent's own work per request). Writes N finished journals (a year of
 * drills over 5 instances and 20 databases each), then times the first read, then the median of 5
 * warm calls of each surface; with --prune, runs drill journal retention (its defaults) and times
 * them again. Reflection keeps it runnable against an agent build from before retention existed,
 * which is how the "before" figures are taken. Usage: JournalBenchMain --journals N --work DIR
 * [--prune]
 */
public final class JournalBenchMain {

  private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
  private static final int REPS = 5;

  private JournalBenchMain() {}

  public static void main(String[] args) throws Exception {
    List<String> a = Arrays.asList(args);
    int n = Integer.parseInt(a.get(a.indexOf("--journals") + 1));
    Path state = Path.of(a.get(a.indexOf("--work") + 1)).resolve("journal-bench-" + n);
    boolean prune = a.contains("--prune");
    long t0 = System.nanoTime();
    write(state, n);
    System.out.printf(
        "journals: %d written in %.1f s to %s%n", n, (System.nanoTime() - t0) / 1e9, state);

    DrillHistory history = new DrillHistory(new DrillJournal(state));
    System.out.printf("first read of the history: %.0f ms%n", ms(() -> history.all().size()));
    measure("before retention", history);
    if (prune && !hasRetention()) {
      System.out.println("this agent build has no drill journal retention: nothing to prune");
    } else if (prune) {
      Class<?> retention = Class.forName("io.rdswatch.agent.drill.journal.JournalRetention");
      Object r =
          retention
              .getConstructor(DrillJournal.class, Duration.class, int.class)
              .newInstance(history.journal(), Duration.ofDays(400), 5000);
      Method m = retention.getMethod("prune", List.class, Instant.class);
      long p0 = System.nanoTime();
      Object deleted = m.invoke(r, history.all(), END);
      System.out.printf(
          "retention (maxAge 400d, maxCount 5000): deleted %s in %.1f s; %d journals left%n",
          deleted, (System.nanoTime() - p0) / 1e9, history.all().size());
      measure("after retention", history);
    }
  }

  private static boolean hasRetention() {
    try {
      Class.forName("io.rdswatch.agent.drill.journal.JournalRetention");
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static void measure(String when, DrillHistory history) throws Exception {
    CollectorRegistry registry = new CollectorRegistry();
    registry.register(new DrillCollector(new DrillSummary(history::all, Map::of)));
    Object api = drillsResource(history);
    Method list =
        api.getClass().getMethod("list", String.class, String.class, String.class, int.class);
    DrillsPage page = new DrillsPage(history, Clock.fixed(END, ZoneOffset.UTC));
    double metrics =
        median(
            () -> {
              StringWriter w = new StringWriter();
              TextFormat.write004(w, registry.metricFamilySamples());
              return w.getBuffer().length();
            });
    double apiMs = median(() -> list.invoke(api, null, null, null, 100));
    double pageMs = median(() -> page.page(500).length());
    System.out.printf(
        "%s (%d journals): /metrics drill families %.1f ms, /api/drills?limit=100 %.1f ms,"
            + " /drills %.1f ms (median of %d)%n",
        when, history.all().size(), metrics, apiMs, pageMs, REPS);
  }

  /** Its constructor lost the token argument when the token check moved in front of the body. */
  private static Object drillsResource(DrillHistory history) throws Exception {
    Class<?> c = Class.forName("io.rdswatch.agent.drill.http.DrillsResource");
    Class<?> launcher = launcherInterface();
    Object none =
        java.lang.reflect.Proxy.newProxyInstance(
            launcher.getClassLoader(),
            new Class<?>[] {launcher},
            (proxy, method, args) ->
                method.getReturnType() == java.util.Optional.class
                    ? java.util.Optional.empty()
                    : null);
    for (Constructor<?> k : c.getConstructors()) {
      Object[] args =
          k.getParameterCount() == 2
              ? new Object[] {history, none}
              : new Object[] {history, none, null};
      return k.newInstance(args);
    }
    throw new IllegalStateException("no DrillsResource constructor");
  }

  /**
   * The interface DrillsResource takes: in drill.schedule, or in drill.http in builds before the
   * module split.
   */
  private static Class<?> launcherInterface() throws ClassNotFoundException {
    try {
      return Class.forName("io.rdswatch.agent.drill.schedule.DrillLauncher");
    } catch (ClassNotFoundException older) {
      return Class.forName("io.rdswatch.agent.drill.http.DrillLauncher");
    }
  }

  private static double median(Callable<?> call) throws Exception {
    double[] t = new double[REPS];
    for (int i = 0; i < REPS; i++) {
      t[i] = ms(call);
    }
    Arrays.sort(t);
    return t[REPS / 2];
  }

  private static double ms(Callable<?> call) throws Exception {
    long s = System.nanoTime();
    call.call();
    return (System.nanoTime() - s) / 1e6;
  }

  /** Bare (unsealed) records: the history and every page read them; only recovery needs a seal. */
  private static void write(Path state, int n) throws Exception {
    Path dir = Files.createDirectories(state.resolve("drills"));
    Duration step = Duration.ofDays(365).dividedBy(n);
    List<DrillPlan.CheckSpec> checks = List.of(new DrillPlan.CheckSpec(true, null, null));
    for (int i = 0; i < n; i++) {
      Instant start = END.minus(step.multipliedBy(n - i));
      String instance = "orders-prod-" + (i % 5);
      String db = "Db" + (i / 5 % 20);
      DrillPlan plan =
          new DrillPlan(
              "weekly",
              "schedule",
              instance,
              instance,
              db,
              "rdswatch_drill_",
              start,
              null,
              null,
              false,
              checks,
              7200L,
              21600,
              false);
      String id = DrillJournal.newId(start);
      DrillRecord r =
          new DrillRecord(id, "bench:1", plan, start)
              .scratchName("rdswatch_drill_" + db + "_" + i)
              .scratchCreated(true)
              .dropped(true)
              .source(
                  new SourceBackup(
                      "arn:aws:s3:::acme/" + db + ".bak",
                      null,
                      (long) i,
                      start.minusSeconds(3600),
                      null,
                      null,
                      null))
              .task(
                  new RestoreTask(
                      i,
                      "RESTORE_DB",
                      "SUCCESS",
                      100,
                      start,
                      start.plusSeconds(30),
                      start.plusSeconds(900),
                      "[2026-11-29 04:00:00.000] Task execution has started.\n[2026-11-29 04:15:00.000] Task has been completed."))
              .check(new CheckResult("checkdb", null, null, true, "0 errors", null, 12.5))
              .outcome(
                  i % 17 == 0 ? DrillStatus.VERIFY_FAILED : DrillStatus.SUCCESS,
                  i % 17 == 0 ? "check" : null,
                  null)
              .finish(start.plusSeconds(960));
      Files.writeString(dir.resolve(id + ".json"), DrillJson.write(r));
    }
  }
}
