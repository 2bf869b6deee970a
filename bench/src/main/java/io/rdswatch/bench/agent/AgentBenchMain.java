package io.rdswatch.bench.agent;

import io.rdswatch.agent.AgentRuntime;
import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.bench.wire.CommandLoop;
import io.rdswatch.bench.wire.Wire;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent under test for figures 1-4 and 7: the real application (Jetty, /metrics, collectors,
 * trackers, state files) started from a config file, with scheduling off so the harness drives each
 * cycle. Its baseline loops run in this JVM too, as figure 1 asks. Commands (one reply each):
 * open|close SET, poller SET (no baseline: its first cycle opens every connection),
 * baseline|fullbaseline|cycle SET [TIMES], cpu, loop start|stop, memory, SET is "main" (the agent's
 * own poller) or a growth set named in the --growth file.
 *
 * <p>Usage: AgentBenchMain CONFIG GROWTH_FILE STATE_ROOT
 */
public final class AgentBenchMain {

  private final AgentConfiguration config;
  private final AgentRuntime runtime;
  private final Map<String, List<InstanceTarget>> growth;
  private final Path stateRoot;
  private final Map<String, PollerSet> sets = new HashMap<>();
  private final PollLoop loop;

  private AgentBenchMain(
      AgentConfiguration config,
      AgentRuntime runtime,
      Map<String, List<InstanceTarget>> growth,
      Path stateRoot) {
    this.config = config;
    this.runtime = runtime;
    this.growth = growth;
    this.stateRoot = stateRoot;
    this.loop = new PollLoop(runtime.poller());
    sets.put("main", PollerSet.of(runtime.poller(), config.getPoll()));
  }

  public static void main(String[] args) throws Exception {
    AgentConfiguration config = ConfigLoader.load(Path.of(args[0]));
    CounterSeed.seed(config);
    AgentServer server =
        AgentServer.start(new RdswatchApplication(Clock.systemUTC(), false), config);
    AgentBenchMain bench =
        new AgentBenchMain(
            config, server.runtime(), GrowthTargets.read(Path.of(args[1])), Path.of(args[2]));
    Wire.reply(
        Map.of(
            "httpPort",
            server.applicationPort(),
            "instances",
            server.runtime().fleet().instances().size(),
            "pid",
            ProcessHandle.current().pid()));
    try {
      new CommandLoop(bench.handlers()).run();
    } finally {
      server.close(); // stops the poller: every tracker flushes its state
    }
    System.exit(0);
  }

  private Map<String, CommandLoop.Handler> handlers() {
    return Map.of(
        "open",
            a -> {
              open(a.get(0));
              return Map.of("instances", set(a.get(0)).size());
            },
        "poller",
            a -> {
              poller(a.get(0));
              return Map.of("instances", set(a.get(0)).size());
            },
        "baseline", a -> set(a.get(0)).baselineCycles(times(a), true),
        "fullbaseline", a -> set(a.get(0)).baselineCycles(times(a), false),
        "cycle", a -> set(a.get(0)).agentCycles(times(a)),
        "close",
            a -> {
              close(a.get(0));
              return Map.of("closed", a.get(0));
            },
        "cpu", a -> Map.of("cpuNanos", CpuClock.processCpuNanos(), "nanoTime", System.nanoTime()),
        "loop", a -> a.get(0).equals("start") ? startLoop() : Map.of("cycles", loop.stop()),
        "memory", a -> MemoryProbe.measure(),
        "cloudwatch",
            a ->
                CloudWatchProbe.run(
                    runtime.fleet()::snapshot,
                    a.get(0),
                    Integer.parseInt(a.get(1)),
                    Long.parseLong(a.get(2))));
  }

  private static int times(List<String> args) {
    return args.size() > 1 ? Integer.parseInt(args.get(1)) : 1;
  }

  private Map<String, Object> startLoop() {
    loop.start();
    return Map.of("started", true);
  }

  private void open(String name) throws Exception {
    poller(name);
    sets.get(name).openBaseline();
  }

  private void poller(String name) {
    if (!sets.containsKey(name)) {
      List<InstanceTarget> targets = growth.get(name);
      if (targets == null) {
        throw new IllegalArgumentException(
            "no target set '" + name + "'; known: main, " + growth.keySet());
      }
      sets.put(name, PollerSet.separate(targets, config.getPoll(), stateRoot.resolve(name)));
    }
  }

  private void close(String name) throws Exception {
    PollerSet set = set(name);
    set.close();
    if (!name.equals("main")) {
      sets.remove(name);
    }
  }

  private PollerSet set(String name) {
    PollerSet set = sets.get(name);
    if (set == null) {
      throw new IllegalArgumentException("target set '" + name + "' is not open");
    }
    return set;
  }
}
