package io.rdswatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rdswatch.bench.driver.BenchOptions;
import io.rdswatch.bench.driver.ChildJvm;
import io.rdswatch.bench.driver.Phases;
import io.rdswatch.bench.driver.Progress;
import io.rdswatch.bench.driver.Run;
import io.rdswatch.bench.report.Results;
import io.rdswatch.bench.wire.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark run: starts the simulated fleet in a JVM of its own, then the phases of {@link
 * Phases} against it, and returns what they measured. Writes configs, state and the child JVMs'
 * logs under --work, which it empties first.
 */
public final class Bench {

  public static final String FLEET_MAIN = "io.rdswatch.bench.fleet.FleetMain";

  /**
   * The fleet holds every task with its task_info (about 1.2 KB) in memory, twice over while it
   * builds.
   */
  private static final long FLEET_BYTES_PER_TASK = 4_000;

  private Bench() {}

  public static Results run(BenchOptions o, String classpath, Path repoRoot, Progress progress)
      throws Exception {
    List<String> agentOpts = AgentJavaOpts.resolve(o.agentJavaOpts, repoRoot);
    Path work = o.work.toAbsolutePath();
    if (o.profile) {
      agentOpts = new ArrayList<>(agentOpts);
      agentOpts.add(
          "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
              + work.resolve(ChildJvm.NAME_TOKEN + ".jfr"));
    }
    clean(work);
    Results results = new Results();
    progress.say(
        "fleet: "
            + o.instances
            + " instances x "
            + o.databases
            + " databases x "
            + o.history
            + " tasks, growth fleets of "
            + o.growthInstances()
            + ", in its own JVM");
    try (ChildJvm fleet =
        ChildJvm.start(
            "fleet",
            fleetJavaOpts(o),
            classpath,
            FLEET_MAIN,
            fleetArgs(o),
            work.resolve("logs/fleet.log"))) {
      JsonNode info = fleet.awaitReply(Duration.ofMinutes(Math.max(3, o.instances / 500)));
      Run run = new Run(o, classpath, agentOpts, work, results, progress, fleet, info);
      writeGrowthTargets(run);
      Phases.all(run);
    }
    return results;
  }

  /** At least 2 GB; the scale run (N=5000, H=200: 1,000,000 tasks) needs about 5. */
  static List<String> fleetJavaOpts(BenchOptions o) {
    long mb =
        Math.max(2048, (long) o.instances * o.history * FLEET_BYTES_PER_TASK / (1 << 20) + 1024);
    return List.of("-Xmx" + mb + "m", "-XX:+UseParallelGC");
  }

  private static List<String> fleetArgs(BenchOptions o) {
    List<String> a = new ArrayList<>();
    a.addAll(
        List.of(
            "--instances",
            Integer.toString(o.instances),
            "--databases",
            Integer.toString(o.databases)));
    a.addAll(List.of("--history", Integer.toString(o.history)));
    a.addAll(List.of("--growth-instances", Integer.toString(o.growthInstances())));
    a.addAll(
        List.of(
            "--growth-history",
            Integer.toString(Phases.LOW_HISTORY),
            Integer.toString(Phases.HIGH_HISTORY)));
    a.addAll(List.of("--fresh", Integer.toString(o.repetitions)));
    if (o.wants(8)) {
      a.addAll(List.of("--tls-dir", o.work.toAbsolutePath().resolve("tls").toString()));
    }
    return a;
  }

  /**
   * The growth fleets, for the agent JVM: the fleet's reply without the main and freshness sets.
   */
  private static void writeGrowthTargets(Run run) throws IOException {
    ObjectNode copy = run.fleetInfo().deepCopy();
    ObjectNode sets = (ObjectNode) copy.get("sets");
    sets.remove(List.of("main", "fresh"));
    Files.writeString(run.work().resolve("growth.json"), Wire.JSON.writeValueAsString(copy));
  }

  private static void clean(Path work) throws IOException {
    if (Files.exists(work)) {
      try (var paths = Files.walk(work)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(work.resolve("logs"));
  }
}
