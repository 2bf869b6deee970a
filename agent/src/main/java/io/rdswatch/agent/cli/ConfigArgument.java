package io.rdswatch.agent.cli;

import com.beust.jcommander.Parameter;
import io.dropwizard.logging.common.BootstrapLogging;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.ConfigException;
import io.rdswatch.agent.config.ConfigLoader;
import java.io.PrintStream;
import java.nio.file.Path;

/** The --config FILE flag shared by the commands that read rdswatch's YAML, and how they report it. */
final class ConfigArgument {

  /** Exit code for a config file that cannot be used. */
  static final int BAD_CONFIG = 2;

  @Parameter(names = "--config", required = true, description = "rdswatch YAML config file")
  Path file;

  AgentConfiguration load() throws ConfigException {
    // until Dropwizard configures logging, keep library start-up chatter (validator, driver) quiet
    BootstrapLogging.bootstrap();
    return ConfigLoader.load(file);
  }

  /** Prints every problem (Dropwizard's "file has the following errors" list) and returns 2. */
  static int report(ConfigException e, PrintStream err) {
    err.print(e.getMessage());
    err.flush();
    return BAD_CONFIG;
  }
}
