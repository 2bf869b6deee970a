package io.rdswatch.agent.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import com.beust.jcommander.Parameters;
import io.dropwizard.configuration.ConfigurationException;
import io.rdswatch.agent.command.CliCommand;
import io.rdswatch.agent.command.ConfigArgument;
import io.rdswatch.agent.drill.cli.DrillCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * The one user-facing CLI. Dropwizard runs underneath `agent` and `demo`, but its own argparse
 * commands are never exposed.
 */
public final class Main {

  private Main() {}

  /** Every subcommand; add new ones here. */
  static List<CliCommand> commands() {
    List<CliCommand> commands = new ArrayList<>();
    commands.add(new AgentCommand());
    commands.add(new CheckCommand());
    commands.add(new TasksCommand());
    commands.add(new DemoCommand());
    commands.add(new DrillCommand());
    commands.add(new SimulateCommand());
    return commands;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Parses and runs; returns the exit code so tests can call it without exiting the JVM. */
  public static int run(String... args) {
    JCommander jc = JCommander.newBuilder().programName("rdswatch").build();
    List<CliCommand> commands = commands();
    for (CliCommand c : commands) {
      jc.addCommand(c);
    }
    try {
      jc.parse(args);
    } catch (ParameterException e) {
      System.err.println("rdswatch: " + e.getMessage());
      System.err.println("Run 'rdswatch --help' for usage.");
      return 2;
    }
    String name = jc.getParsedCommand();
    if (name == null) {
      jc.usage();
      return args.length == 0 || isHelp(args) ? 0 : 2;
    }
    CliCommand command =
        commands.stream()
            .filter(
                c ->
                    List.of(c.getClass().getAnnotation(Parameters.class).commandNames())
                        .contains(name))
            .findFirst()
            .orElseThrow();
    if (isHelp(args)) {
      jc.getUsageFormatter().usage(name);
      return 0;
    }
    try {
      return command.run();
    } catch (ConfigurationException e) {
      // a config that cannot be used: every problem, one per line, and no stack trace
      System.err.print(e.getMessage());
      return ConfigArgument.BAD_CONFIG;
    } catch (Exception e) {
      System.err.println("rdswatch " + name + ": " + e.getMessage());
      return 1;
    }
  }

  private static boolean isHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }
}
