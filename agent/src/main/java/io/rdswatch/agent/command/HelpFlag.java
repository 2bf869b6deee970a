package io.rdswatch.agent.command;

import com.beust.jcommander.Parameter;

/**
 * --help/-h on a subcommand: skips required-flag checks so `rdswatch X --help` prints X's usage.
 */
public final class HelpFlag {

  @Parameter(
      names = {"--help", "-h"},
      help = true,
      description = "show this help")
  boolean help;
}
