package io.rdswatch.agent.drill.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.rdswatch.agent.aws.AwsTargets;
import io.rdswatch.agent.command.CliCommand;
import io.rdswatch.agent.command.ConfigArgument;
import io.rdswatch.agent.command.HelpFlag;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.StateDirOwnership;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.feature.ConfigException;
import io.rdswatch.agent.instance.InstanceTarget;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * `rdswatch drill --config F --instance X --database Y [--wait]` and `rdswatch drill history
 * --config F [--format table|json|markdown]`.
 *
 * <p>With --wait the drill runs in this process, sharing the journal in stateDir with a running
 * agent (so it shows on the agent's /drills); without it the drill is handed to the running agent
 * through POST /api/drills.
 */
@Parameters(
    commandNames = "drill",
    commandDescription = "Run a restore drill now, or print the drill history")
public final class DrillCommand implements CliCommand {

  private static final int BAD_CONFIG = ConfigArgument.BAD_CONFIG;

  @Parameter(description = "[history]")
  List<String> words = new ArrayList<>();

  @ParametersDelegate final ConfigArgument config = new ConfigArgument();
  @ParametersDelegate final HelpFlag help = new HelpFlag();

  @Parameter(
      names = "--instance",
      description = "the instance whose backup to restore (rds_instance)")
  String instance;

  @Parameter(names = "--database", description = "the database whose latest full backup to restore")
  String database;

  @Parameter(
      names = "--wait",
      description = "run here, show progress, print the result; exit 0 only on success")
  boolean waitForResult;

  @Parameter(names = "--format", description = "history format: table, json or markdown")
  String format = "table";

  private final PrintStream out;
  private final PrintStream err;

  public DrillCommand() {
    this(System.out, System.err);
  }

  DrillCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public int run() throws Exception {
    boolean history = words.equals(List.of("history"));
    if (!words.isEmpty() && !history) {
      err.println(
          "rdswatch drill: unknown argument '"
              + String.join(" ", words)
              + "' (did you mean 'history'?)");
      return BAD_CONFIG;
    }
    AgentConfiguration loaded;
    try {
      loaded = config.load();
    } catch (ConfigException e) {
      err.print(e.getMessage());
      return BAD_CONFIG;
    }
    if (history) {
      HistoryFormat as;
      try {
        as = HistoryFormat.parse(format);
      } catch (IllegalArgumentException e) {
        err.println("rdswatch drill history: " + e.getMessage());
        return BAD_CONFIG;
      }
      List<DrillRecord> all = new ArrayList<>(new DrillJournal(loaded.stateDir()).list());
      Collections.reverse(all);
      out.print(as.render(all));
      return 0;
    }
    if (instance == null || database == null) {
      err.println(
          "rdswatch drill: --instance and --database are required (or use 'rdswatch drill history')");
      return BAD_CONFIG;
    }
    List<String> stateDir =
        waitForResult ? StateDirOwnership.problems(loaded.stateDir()) : List.of();
    if (!stateDir.isEmpty()) {
      stateDir.forEach(p -> err.println("rdswatch drill: " + p));
      return BAD_CONFIG;
    }
    try (AwsTargets targets = AwsTargets.production(loaded.aws(), loaded.getInstances())) {
      InstanceTarget source =
          targets.targets().stream()
              .filter(t -> t.name().equals(instance))
              .findFirst()
              .orElse(null);
      if (source == null) {
        err.println("rdswatch drill: no instance named '" + instance + "' in " + config.file());
        return BAD_CONFIG;
      }
      return waitForResult
          ? new LocalDrill(loaded, targets::targets, out, err).run(source, database)
          : new AgentDrill(loaded, out, err).submit(instance, database);
    }
  }
}
