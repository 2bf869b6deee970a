package io.rdswatch.agent.drill.cli;

import io.rdswatch.agent.drill.http.DrillText;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.RestoreTask;
import io.rdswatch.agent.drill.run.DrillObserver;
import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Draws the drill's progress on a terminal: one line redrawn in place (a bar while the restore
 * runs), or, when not on a terminal, one line per change.
 */
final class ProgressBar implements DrillObserver {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final InstantSource clock;
  private String last = "";

  ProgressBar(PrintStream out, boolean terminal, InstantSource clock) {
    this.out = out;
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public void saved(DrillRecord r) {
    String line = line(r);
    if (line.equals(last)) {
      return;
    }
    last = line;
    if (terminal) {
      out.print("\r" + line + "\u001b[K");
      if (r.isFinished()) {
        out.println();
      }
    } else {
      out.println(line);
    }
    out.flush();
  }

  String line(DrillRecord r) {
    List<RestoreTask> tasks = r.tasks();
    String elapsed =
        DrillText.duration(Duration.between(r.startedAt(), clock.instant()).toMillis() / 1000.0);
    return switch (r.step()) {
      case PREFLIGHT -> "preflight: checking " + r.plan().targetInstance() + " ... " + elapsed;
      case SUBMITTING -> "submitting restore into " + r.scratchName() + " ... " + elapsed;
      case RESTORING ->
          tasks.isEmpty() ? "restoring ... " + elapsed : bar(tasks.get(tasks.size() - 1), elapsed);
      case VERIFYING ->
          "verifying "
              + r.scratchName()
              + ": "
              + r.checks().size()
              + "/"
              + r.plan().checks().size()
              + " checks done ... "
              + elapsed;
      case DROPPING -> "dropping " + r.scratchName() + " ... " + elapsed;
      case DONE -> "done: " + r.status().label() + " after " + elapsed;
    };
  }

  private static String bar(RestoreTask t, String elapsed) {
    int pct = Math.max(0, Math.min(100, t.percentComplete()));
    int filled = pct * WIDTH / 100;
    return "restore "
        + t.type()
        + " task "
        + t.taskId()
        + " ["
        + "#".repeat(filled)
        + "-".repeat(WIDTH - filled)
        + "] "
        + String.format("%3d%%", pct)
        + " "
        + t.lifecycle()
        + " "
        + elapsed;
  }
}
