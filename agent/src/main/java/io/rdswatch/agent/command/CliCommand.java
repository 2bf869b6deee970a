package io.rdswatch.agent.command;

/**
 * One `rdswatch <name>` subcommand. Implementations are JCommander-annotated (@Parameters with
 * commandNames, @Parameter fields) and registered in {@link Main#commands()}.
 */
public interface CliCommand {

  /** Runs the command after its flags were parsed; returns the process exit code. */
  int run() throws Exception;
}
