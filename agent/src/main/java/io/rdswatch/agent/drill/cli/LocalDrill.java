package io.rdswatch.agent.drill.cli;

import io.rdswatch.agent.DrillWiring;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.drill.http.DrillText;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.RestoreTask;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.run.Pacer;
import io.rdswatch.agent.drill.run.Recovery;
import io.rdswatch.agent.drill.schedule.DrillPlans;
import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.instance.InstanceTarget;
import java.io.PrintStream;
import java.time.InstantSource;

/** `drill --wait`: runs the drill in this process with a progress bar and prints the result. */
final class LocalDrill {

  private final AgentConfiguration config;
  private final DrillContext ctx;
  private final PrintStream out;
  private final PrintStream err;

  LocalDrill(
      AgentConfiguration config, InstanceSource instances, PrintStream out, PrintStream err) {
    this(
        config,
        DrillWiring.context(
            config,
            instances,
            new DrillJournal(config.stateDir()),
            InstantSource.system(),
            Pacer.sleeping()),
        out,
        err);
  }

  LocalDrill(AgentConfiguration config, DrillContext ctx, PrintStream out, PrintStream err) {
    this.config = config;
    this.ctx = ctx;
    this.out = out;
    this.err = err;
  }

  /** Exit code: 0 only when the drill succeeded. */
  int run(InstanceTarget source, String database) throws Exception {
    DrillRunner runner = new DrillRunner(ctx);
    ProgressBar bar = new ProgressBar(err, System.console() != null, ctx.clock());
    DrillRecord r =
        runner.run(new DrillPlans(config.getDrills()).manual(source, database, "cli"), bar);
    Recovery recovery = new Recovery(runner);
    while (!r.isFinished()) {
      // the target stopped answering mid-drill: keep trying, as the agent's recovery would
      ctx.pacer().pause(ctx.settings().followInterval());
      String id = r.id();
      r = recovery.recoverOne(id, bar).orElseGet(() -> ctx.journal().read(id).orElseThrow());
    }
    out.print(result(r));
    return r.status() == DrillStatus.SUCCESS ? 0 : 1;
  }

  static String result(DrillRecord r) {
    StringBuilder s = new StringBuilder();
    s.append("drill ").append(r.id()).append(": ").append(r.status().label()).append('\n');
    line(
        s,
        "database",
        r.plan().database()
            + " of "
            + r.plan().sourceInstance()
            + (r.plan().targetInstance().equals(r.plan().sourceInstance())
                ? ""
                : ", restored on " + r.plan().targetInstance()));
    if (r.source() != null) {
      line(s, "backup", r.source().s3Arn() + " (" + DrillText.time(r.source().backupTime()) + ")");
    }
    for (RestoreTask t : r.tasks()) {
      line(
          s,
          "restore",
          t.type()
              + " task "
              + t.taskId()
              + " "
              + t.lifecycle()
              + (t.queueWaitSeconds() == null
                  ? ""
                  : ", queued " + DrillText.duration(t.queueWaitSeconds()))
              + (t.durationSeconds() == null
                  ? ""
                  : ", ran " + DrillText.duration(t.durationSeconds())));
    }
    line(s, "rto", DrillText.rto(r));
    line(s, "checks", DrillText.checks(r.checks()));
    if (r.scratchName() != null) {
      line(s, "scratch", r.scratchName() + " (" + DrillText.scratchFate(r) + ")");
    }
    if (r.reason() != null) {
      line(s, "reason", r.reason() + (r.reasonCode() == null ? "" : " [" + r.reasonCode() + "]"));
    }
    return s.toString();
  }

  private static void line(StringBuilder s, String key, String value) {
    s.append(String.format("  %-9s %s%n", key, value));
  }
}
