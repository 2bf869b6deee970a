package io.rdswatch.agent.cli;

import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.StateDirOwnership;
import java.io.IOException;
import java.util.List;

/**
 * `rdswatch agent --config FILE`: runs the service until SIGTERM/SIGINT; the shutdown hook stops Jetty,
 * which stops the poller and flushes every instance's state.
 */
@Parameters(commandNames = "agent", commandDescription = "Run the agent: poll every instance, serve /metrics and /api")
public final class AgentCommand implements CliCommand {

  @ParametersDelegate final ConfigArgument config = new ConfigArgument();
  @ParametersDelegate final HelpFlag help = new HelpFlag();

  @Override
  public int run() throws Exception {
    AgentConfiguration loaded = config.load();
    List<String> stateDir = StateDirOwnership.problems(loaded.stateDir());
    if (!stateDir.isEmpty()) {
      stateDir.forEach(p -> System.err.println("rdswatch agent: " + p));
      return 2;
    }
    AgentServer server;
    try {
      server = AgentServer.start(new RdswatchApplication(), loaded);
    } catch (IOException e) {
      System.err.println("rdswatch agent: cannot listen on " + loaded.getHttp().getBind() + " port "
          + loaded.getHttp().getPort() + " or admin port " + loaded.getHttp().getAdminPort() + ": " + e.getMessage());
      return 1;
    }
    System.out.println("rdswatch agent: metrics at " + server.applicationUri() + "/metrics, health at "
        + server.adminUri() + "/healthcheck");
    server.join();
    return 0;
  }
}
