package io.rdswatch.bench.driver;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The order of a run. The on-demand agent JVM serves figure 1, the idle costs and figures 4 and 7;
 * then it stops, flushing its state; figure 2 gets an agent JVM of its own; and the production
 * agent restarts on the first one's state for figures 3 and 5. Figure 6 combines them.
 */
public final class Phases {

  public static final int LOW_HISTORY = 20;
  public static final int HIGH_HISTORY = 2000;
  private static final String AGENT_MAIN = "io.rdswatch.bench.agent.AgentBenchMain";

  /** Never used to schedule (the harness drives the cycles), but the config must name one. */
  private static final int ON_DEMAND_INTERVAL = 60;

  private Phases() {}

  /**
   * Figure 2 in an agent JVM of its own, with the production JVM options: its heap holds only the
   * growth fleets, so per-row costs are not mixed up with collecting a thousand other instances'.
   */
  private static void growth(Run run) throws Exception {
    run.progress()
        .say(
            "figure 2: growth with history, H="
                + LOW_HISTORY
                + " and H="
                + HIGH_HISTORY
                + ", own JVM");
    int[] ports = FreePorts.two();
    Path config =
        ConfigWriter.write(
            run.work().resolve("agent-growth.yml"),
            run.instances("growth-" + LOW_HISTORY),
            run.user(),
            run.password(),
            ports[0],
            ports[1],
            ON_DEMAND_INTERVAL,
            run.work().resolve("state-growth"));
    try (ChildJvm agent =
        ChildJvm.start(
            "agent-growth",
            run.agentJavaOpts(),
            run.classpath(),
            AGENT_MAIN,
            List.of(
                config.toString(),
                run.work().resolve("growth.json").toString(),
                run.work().resolve("state-growth").toString()),
            run.log("agent-growth"))) {
      agent.awaitReply(Timeouts.START);
      PollCycles.figure2(run, agent, LOW_HISTORY, HIGH_HISTORY);
    }
  }

  public static void all(Run run) throws Exception {
    int[] ports = FreePorts.two();
    Path config =
        ConfigWriter.write(
            run.work().resolve("agent-on-demand.yml"),
            run.instances("main"),
            run.user(),
            run.password(),
            ports[0],
            ports[1],
            ON_DEMAND_INTERVAL,
            run.stateDir());
    var o = run.options();
    List<Cycle> cycles = null;
    Scrapes.IdleCosts idle = null;
    run.progress().say("agent JVM (" + String.join(" ", run.agentJavaOpts()) + "): starting");
    try (ChildJvm agent =
        ChildJvm.start(
            "agent",
            run.agentJavaOpts(),
            run.classpath(),
            AGENT_MAIN,
            List.of(
                config.toString(),
                run.work().resolve("growth.json").toString(),
                run.stateDir().toString()),
            run.log("agent-on-demand"))) {
      agent.awaitReply(Timeouts.START);
      if (o.wants(1, 6)) {
        run.progress()
            .say("figure 1: baseline and agent cycles over " + o.instances + " instances");
        cycles = PollCycles.figure1(run, agent);
      }
      if (o.wants(3, 6)) {
        run.progress().say("figures 3 and 6: idle agent, scrapes while polling back to back");
        idle = Scrapes.idle(run, agent, new Scraper(URI.create("http://127.0.0.1:" + ports[0])));
      }
      if (o.wants(4)) {
        run.progress().say("figure 4: memory");
        MemoryFigure.figure4(run, agent);
      }
      if (o.wants(7)) {
        run.progress().say("figure 7: CloudWatch publishes against WireMock");
        CloudWatchFigure.figure7(run, agent);
      }
      if (o.wants(8)) {
        run.progress()
            .say("figure 8: TLS vs plain TDS, twin fleets of " + o.instances + " instances");
        TlsFigure.figure8(run, agent);
      }
    }
    if (o.wants(2)) {
      growth(run);
    }
    if (o.wants(3, 5, 6)) {
      ScheduledAgentPhase.Outcome scheduled = ScheduledAgentPhase.run(run);
      if (o.wants(3)) {
        Scrapes.figure3(run, idle, scheduled);
      }
      if (o.wants(5)) {
        FreshnessFigure.figure5(run, scheduled.probes());
      }
      if (o.wants(6)) {
        CpuBudget.figure6(run, cycles, idle, scheduled.window());
      }
    }
  }
}
