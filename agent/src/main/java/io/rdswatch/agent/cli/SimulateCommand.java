package io.rdswatch.agent.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.rdswatch.agent.command.CliCommand;
import io.rdswatch.agent.command.ConfigArgument;
import io.rdswatch.agent.command.HelpFlag;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.scenario.Scenario;
import io.rdswatch.simulator.scenario.ScenarioException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rdswatch simulate [--scenario FILE] [--instances N] [--base-port P] [--speed X] [--user U]
 * [--password W] [--tls-dir DIR]}: serves simulated RDS for SQL Server instances on loopback
 * (instance i on base port + i) until stopped, after printing each one's name and JDBC URL.
 */
@Parameters(
    commandNames = "simulate",
    commandDescription = "Serve simulated RDS for SQL Server instances until stopped")
public final class SimulateCommand implements CliCommand {
  private static final String DEFAULT_PASSWORD = "admin";

  @ParametersDelegate final HelpFlag help = new HelpFlag();

  @Parameter(
      names = "--scenario",
      description = "scenario YAML file (default: the built-in demo fleet)")
  Path scenario;

  @Parameter(
      names = "--instances",
      description = "run this many instances, repeating the scenario's as needed")
  Integer instances;

  @Parameter(
      names = "--base-port",
      description = "port of the first instance; instance i listens on base port + i")
  int basePort = SimulatorOptions.DEFAULT_BASE_PORT;

  @Parameter(
      names = "--speed",
      description = "simulated seconds per real second (60: a minute per second)")
  double speed = 1;

  @Parameter(names = "--user", description = "master user of every instance")
  String user = "admin";

  @Parameter(names = "--password", description = "its password")
  String password = DEFAULT_PASSWORD;

  @Parameter(
      names = "--tls-dir",
      description =
          "speak TLS like SQL Server: write a fresh CA's ca.pem and "
              + "truststore.p12 (password changeit) here (README 'Connecting with TLS')")
  Path tlsDir;

  /** Released by the shutdown hook (or a test) to stop serving. */
  final CountDownLatch stop = new CountDownLatch(1);

  PrintStream out = System.out;
  PrintStream err = System.err;
  volatile Simulator running;

  @Override
  public int run() throws Exception {
    quietLogging();
    Scenario fleet;
    SimulatorOptions options;
    try {
      fleet = scenario == null ? Scenario.demo() : Scenario.load(scenario);
      if (instances != null) {
        fleet = fleet.withInstanceCount(instances);
      }
      options =
          SimulatorOptions.defaults()
              .withBasePort(basePort)
              .withLogin(user, password)
              .withSpeed(speed)
              .withTlsDir(tlsDir);
    } catch (ScenarioException | IllegalArgumentException e) {
      err.println("rdswatch simulate: " + e.getMessage());
      return ConfigArgument.BAD_CONFIG;
    }
    Simulator sim;
    try {
      sim = Simulator.start(fleet, options);
    } catch (BindException e) {
      err.println(
          "rdswatch simulate: "
              + e.getMessage()
              + "; stop what uses it or choose another --base-port");
      return 1;
    } catch (ScenarioException | IllegalArgumentException e) {
      err.println("rdswatch simulate: " + e.getMessage());
      return ConfigArgument.BAD_CONFIG;
    }
    running = sim;
    Thread hook = new Thread(stop::countDown, "rdswatch-simulate-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      printEndpoints(sim);
      stop.await();
    } finally {
      sim.close();
      removeHook(hook);
    }
    return 0;
  }

  private void printEndpoints(Simulator sim) {
    out.printf(
        "rdswatch simulate: %d instance(s), simulated time x%s%n",
        sim.instances().size(), trim(speed));
    // the password is printed only when it is the well-known default
    String shown =
        DEFAULT_PASSWORD.equals(password)
            ? "password '" + DEFAULT_PASSWORD + "'"
            : "the --password given";
    out.printf("login: user '%s', %s%n", user, shown);
    if (sim.trustFiles() != null) {
      out.printf(
          "TLS: CA certificate %s, trust store %s (password changeit)%n",
          sim.trustFiles().caPem(), sim.trustFiles().trustStore());
    }
    for (SimulatedInstance i : sim.instances()) {
      out.printf("%-24s %s%n", i.name(), i.jdbcUrl());
    }
    out.println("serving; press Ctrl-C to stop");
    out.flush();
  }

  /** Unconfigured logback logs DEBUG: one line per statement served would bury the URLs. */
  private static void quietLogging() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
    }
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running
    }
  }
}
