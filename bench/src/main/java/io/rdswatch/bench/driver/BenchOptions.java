package io.rdswatch.bench.driver;

import com.beust.jcommander.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** bench/run.sh's options, with bench/README.md's defaults (N=1000, D=20, H=200). */
public final class BenchOptions {

  @Parameter(names = "--instances", description = "N: simulated instances the agent polls")
  public int instances = 1000;

  @Parameter(names = "--databases", description = "D: databases per instance")
  public int databases = 20;

  @Parameter(names = "--history", description = "H: tasks of history per instance")
  public int history = 200;

  @Parameter(
      names = "--repetitions",
      description = "repetitions per figure; figures are their medians")
  public int repetitions = 5;

  @Parameter(
      names = "--growth-instances",
      description = "instances of each growth fleet (figure 2); default min(N, 20)")
  public Integer growthInstances;

  @Parameter(names = "--scrapes", description = "scrapes of /metrics during polling (figure 3)")
  public int scrapes = 200;

  @Parameter(
      names = "--interval-seconds",
      description = "poll interval of the scheduled agent (figures 5 and 6)")
  public int intervalSeconds = 60;

  @Parameter(
      names = "--scrape-interval-seconds",
      description = "Prometheus scrape interval assumed by figure 6")
  public int scrapeIntervalSeconds = 15;

  @Parameter(names = "--idle-seconds", description = "how long figure 6 watches the idle agent")
  public int idleSeconds = 10;

  @Parameter(names = "--out", description = "where the JSON results go")
  public Path out = Path.of("bench/results/latest.json");

  @Parameter(
      names = "--work",
      description = "scratch folder: configs, state, logs of the child JVMs")
  public Path work = Path.of("bench/target-bench/run");

  @Parameter(names = "--repo", description = "the rdswatch checkout (for the packaged JAVA_OPTS)")
  public Path repo = Path.of(".");

  @Parameter(
      names = "--java-opts",
      description = "JVM options of the agent JVMs; default: JAVA_OPTS of the .deb")
  public String agentJavaOpts;

  @Parameter(
      names = "--only",
      description = "measure only these figures, e.g. 1,3 (for working on one of them)")
  public List<Integer> only = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7));

  @Parameter(
      names = "--tls",
      description =
          "also figure 8: TLS vs plain TDS on twin fleets of N (connect storm, "
              + "steady cycle); --only 8 runs just that")
  public boolean tls;

  @Parameter(
      names = "--scale",
      description =
          "check the scale targets (one agent, 5,000 instances: use with"
              + " --instances 5000 --databases 10): cycle < 5 s, heap <= 512 MB, RSS <= 1 GiB, scrape p99 <= 500 ms")
  public boolean scale;

  @Parameter(names = "--profile", description = "record JFR in the agent JVMs, to --work/*.jfr")
  public boolean profile;

  @Parameter(
      names = {"--help", "-h"},
      help = true,
      description = "this help")
  public boolean help;

  /** Whether any of these figures is wanted; figure 8 runs with --tls or --only 8. */
  public boolean wants(int... figures) {
    for (int f : figures) {
      if (only.contains(f) || f == 8 && tls) {
        return true;
      }
    }
    return false;
  }

  public int growthInstances() {
    return growthInstances != null ? growthInstances : Math.min(instances, 20);
  }

  /** Every broken rule, each naming the option, its value and the rule. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    atLeast(p, "--instances", instances, 1);
    atLeast(p, "--databases", databases, 1);
    atLeast(p, "--history", history, 1);
    atLeast(p, "--repetitions", repetitions, 5);
    atLeast(p, "--growth-instances", growthInstances(), 1);
    atLeast(p, "--scrapes", scrapes, 20);
    atLeast(p, "--interval-seconds", intervalSeconds, 2);
    atLeast(p, "--scrape-interval-seconds", scrapeIntervalSeconds, 1);
    atLeast(p, "--idle-seconds", idleSeconds, 1);
    for (int f : only) {
      if (f < 1 || f > 8) {
        p.add("--only takes figure numbers 1 to 8, got " + f);
      }
    }
    if (instances > 5000) {
      p.add(
          "--instances must be at most 5000 (one loopback port per simulated instance), got "
              + instances);
    }
    return p;
  }

  private static void atLeast(List<String> problems, String name, int value, int min) {
    if (value < min) {
      problems.add(name + " must be at least " + min + ", got " + value);
    }
  }
}
