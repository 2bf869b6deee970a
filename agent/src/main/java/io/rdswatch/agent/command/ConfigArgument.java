package io.rdswatch.agent.command;

import com.beust.jcommander.Parameter;
import io.dropwizard.logging.common.BootstrapLogging;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.CommandLineOverrides;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.feature.ConfigException;
import java.nio.file.Path;

/** The --config FILE flag shared by the commands that read rdswatch's YAML. */
public final class ConfigArgument {

  /**
   * Exit code for a config file that cannot be used (Main reports a ConfigException with it too).
   */
  public static final int BAD_CONFIG = 2;

  @Parameter(names = "--config", required = true, description = "rdswatch YAML config file")
  Path file;

  public Path file() {
    return file;
  }

  public AgentConfiguration load() throws ConfigException {
    // until Dropwizard configures logging, keep library start-up chatter (validator, driver) quiet
    BootstrapLogging.bootstrap();
    return ConfigLoader.load(file);
  }

  /** With `agent`'s --shard and --state-dir (null when not given) in place of the file's values. */
  public AgentConfiguration load(String shard, String stateDir) throws ConfigException {
    BootstrapLogging.bootstrap();
    return CommandLineOverrides.load(file, shard, stateDir);
  }
}
