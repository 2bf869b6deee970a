package io.rdswatch.agent.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.dropwizard.logging.common.BootstrapLogging;
import io.rdswatch.agent.command.CliCommand;
import io.rdswatch.agent.command.HelpFlag;
import io.rdswatch.agent.demo.BoardPrinter;
import io.rdswatch.agent.demo.Demo;
import io.rdswatch.agent.demo.StatusBoard;
import io.rdswatch.simulator.SimulatorOptions;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * `rdswatch demo`: the simulator's demo fleet and an agent watching it, in one process, with a live
 * status line per instance until Ctrl-C.
 */
@Parameters(
    commandNames = "demo",
    commandDescription = "Run a simulated RDS fleet and the agent against it")
public final class DemoCommand implements CliCommand {

  @ParametersDelegate final HelpFlag help = new HelpFlag();

  @Parameter(
      names = "--instances",
      description = "number of simulated instances (the demo scenario repeats)")
  int instances = 3;

  @Parameter(
      names = "--http-port",
      description = "the agent's HTTP port (/metrics); the admin port is the next one")
  int httpPort = 9860;

  @Parameter(names = "--speed", description = "simulated seconds per real second")
  double speed = 10;

  @Parameter(
      names = "--cloudwatch-endpoint",
      description =
          "also publish CloudWatch metrics to this endpoint (e.g. LocalStack's http://localhost:4566)")
  URI cloudWatchEndpoint;

  @Override
  public int run() throws Exception {
    if (instances < 1 || httpPort < 0 || httpPort > 65534 || !(speed > 0)) {
      System.err.println(
          "rdswatch demo: --instances must be >= 1, --http-port 0-65534, --speed > 0");
      return 2;
    }
    BootstrapLogging.bootstrap();
    PrintStream out = System.out;
    Demo.Options options =
        new Demo.Options(
            instances,
            httpPort,
            speed,
            SimulatorOptions.DEFAULT_BASE_PORT,
            Path.of(".rdswatch-demo"),
            Path.of("rdswatch-demo.yml"),
            cloudWatchEndpoint);
    Demo demo = Demo.start(options);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    demo.close();
                  } catch (RuntimeException e) {
                    System.err.println("rdswatch demo: stopping: " + e.getMessage());
                  }
                },
                "rdswatch-demo-stop"));
    out.println("rdswatch demo: " + instances + " simulated instance(s) at " + speed + "x speed");
    out.println("  metrics:  curl " + demo.metricsUri());
    out.println("  status:   curl " + demo.apiUri());
    out.println(
        "  config:   "
            + demo.configFile().toAbsolutePath()
            + "  (rdswatch check|tasks --config ...)");
    out.println("  log:      " + demo.logFile());
    out.println(
        "  TLS:      encrypt=true, certificate checked against "
            + demo.trustStore()
            + " (README 'Connecting with TLS')");
    if (cloudWatchEndpoint != null) {
      out.println(
          "  cloudwatch: publishing to "
              + cloudWatchEndpoint
              + " (AWS credentials from the usual chain)");
    }
    out.println("Press Ctrl-C to stop.");
    out.println();
    BoardPrinter board = BoardPrinter.stdout();
    while (!Thread.currentThread().isInterrupted()) {
      board.draw(StatusBoard.lines(demo.runtime().fleet()));
      Thread.sleep(board.refreshEvery().toMillis());
    }
    return 0;
  }
}
