package io.rdswatch.agent.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.command.CliCommand;
import io.rdswatch.agent.command.ConfigArgument;
import io.rdswatch.agent.command.HelpFlag;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.StateDirOwnership;
import java.io.IOException;
import java.util.List;

/**
 * `rdswatch agent --config FILE`: runs the service until SIGTERM/SIGINT; the shutdown hook stops
 * Jetty, which stops the poller and flushes every instance's state.
 */
@Parameters(
    commandNames = "agent",
    commandDescription = "Run the agent: poll every instance, serve /metrics and /api")
public final class AgentCommand implements CliCommand {

  @ParametersDelegate final ConfigArgument config = new ConfigArgument();
  @ParametersDelegate final HelpFlag help = new HelpFlag();

  @Parameter(
      names = "--shard",
      description =
          "INDEX/COUNT, e.g. 1/3 (or 1-of-3): own only this share of the"
              + " instances (overrides the config's shard section)")
  String shard;

  @Parameter(
      names = "--state-dir",
      description =
          "keep state here instead of the config's stateDir" + " (several shards on one host)")
  String stateDir;

  @Override
  public int run() throws Exception {
    AgentConfiguration loaded = config.load(shard, stateDir);
    List<String> ownership = StateDirOwnership.problems(loaded.stateDir());
    if (!ownership.isEmpty()) {
      ownership.forEach(p -> System.err.println("rdswatch agent: " + p));
      return 2;
    }
    AgentServer server;
    try {
      server = AgentServer.start(new RdswatchApplication(), loaded);
    } catch (IOException e) {
      System.err.println(
          "rdswatch agent: cannot listen on "
              + loaded.getHttp().getBind()
              + " port "
              + loaded.getHttp().getPort()
              + " or admin port "
              + loaded.getHttp().getAdminPort()
              + ": "
              + e.getMessage());
      return 1;
    }
    System.out.println(
        "rdswatch agent: metrics at "
            + server.applicationUri()
            + "/metrics, health at "
            + server.adminUri()
            + "/healthcheck"
            + (loaded.getShard().isSharded() ? ", shard " + loaded.getShard() : ""));
    server.join();
    return 0;
  }
}
