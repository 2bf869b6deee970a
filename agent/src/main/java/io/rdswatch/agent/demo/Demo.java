package io.rdswatch.agent.demo;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.FileAppenderFactory;
import io.rdswatch.agent.AgentRuntime;
import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.track.FileStateStore;
import io.rdswatch.agent.track.InstanceState;
import io.rdswatch.agent.track.TaskIdSet;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.SimulatedTime;
import io.rdswatch.simulator.scenario.Scenario;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The built-in demo: the simulator's demo scenario and an agent polling it, in this process. The
 * agent's state starts as if it had watched the simulator's two days of history, so failures of
 * several kinds are counted at the first poll instead of only those that happen while you watch.
 */
public final class Demo implements AutoCloseable {

  /** Short enough to watch progress move; the timeout must stay below it. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

  static final Duration POLL_TIMEOUT = Duration.ofSeconds(3);

  /**
   * @param simulatorBasePort first simulator port; taken ports fall back to free ones
   * @param workDir holds the agent's state and log (wiped at start: every demo starts afresh)
   * @param configFile where the effective config is written
   * @param cloudWatchEndpoint null for no CloudWatch; else the agent publishes there (LocalStack, a
   *     fake)
   */
  public record Options(
      int instances,
      int httpPort,
      double speed,
      int simulatorBasePort,
      Path workDir,
      Path configFile,
      URI cloudWatchEndpoint) {

    public Options(
        int instances,
        int httpPort,
        double speed,
        int simulatorBasePort,
        Path workDir,
        Path configFile) {
      this(instances, httpPort, speed, simulatorBasePort, workDir, configFile, null);
    }

    public Options publishingTo(URI cloudWatchEndpoint) {
      return new Options(
          instances, httpPort, speed, simulatorBasePort, workDir, configFile, cloudWatchEndpoint);
    }
  }

  private final Simulator simulator;
  private final AgentServer agent;
  private final Path configFile;
  private final Path logFile;

  private Demo(Simulator simulator, AgentServer agent, Path configFile, Path logFile) {
    this.simulator = simulator;
    this.agent = agent;
    this.configFile = configFile;
    this.logFile = logFile;
  }

  public static Demo start(Options options) throws Exception {
    Scenario scenario = Scenario.demo().withInstanceCount(options.instances());
    Simulator simulator = startSimulator(scenario, options);
    try {
      Path stateDir = options.workDir().resolve("state");
      freshDirectory(stateDir);
      replayHistory(simulator, stateDir);
      int adminPort = options.httpPort() == 0 ? 0 : options.httpPort() + 1;
      String yaml =
          DemoConfig.yaml(
              simulator,
              options.httpPort(),
              adminPort,
              stateDir,
              POLL_INTERVAL,
              POLL_TIMEOUT,
              randomToken(),
              options.cloudWatchEndpoint());
      Files.writeString(options.configFile(), yaml, StandardCharsets.UTF_8);
      AgentConfiguration config = ConfigLoader.load(options.configFile());
      Path logFile = options.workDir().resolve("rdswatch.log").toAbsolutePath();
      logToFile(config, logFile);
      AgentServer agent =
          AgentServer.start(
              new RdswatchApplication(new SimulatedTime(simulator.clock()), true), config);
      return new Demo(simulator, agent, options.configFile(), logFile);
    } catch (Exception e) {
      simulator.close();
      throw e;
    }
  }

  public URI metricsUri() {
    return URI.create(agent.applicationUri() + "/metrics");
  }

  public URI apiUri() {
    return URI.create(agent.applicationUri() + "/api/instances");
  }

  public Path configFile() {
    return configFile;
  }

  /** The simulator CA's PKCS12 trust store that the demo config points at. */
  public Path trustStore() {
    return simulator.trustFiles().trustStore();
  }

  public Path logFile() {
    return logFile;
  }

  public AgentRuntime runtime() {
    return agent.runtime();
  }

  public List<SimulatedInstance> instances() {
    return simulator.instances();
  }

  @Override
  public void close() {
    try {
      agent.close();
    } finally {
      simulator.close();
    }
  }

  private static Simulator startSimulator(Scenario scenario, Options options) throws IOException {
    // the production path from the first run: TLS, with the agent trusting the simulator's own CA
    SimulatorOptions sim =
        SimulatorOptions.defaults()
            .withSpeed(options.speed())
            .withBasePort(options.simulatorBasePort())
            .withTlsDir(options.workDir().resolve("tls").toAbsolutePath());
    try {
      return Simulator.start(scenario, sim);
    } catch (BindException e) {
      // another simulator or demo is running: any free ports will do, the config file names them
      return Simulator.start(scenario, sim.withBasePort(0));
    }
  }

  /**
   * Saved state that says "watching since before the history began": every finished task counts
   * once.
   */
  private static void replayHistory(Simulator simulator, Path stateDir) {
    FileStateStore store = new FileStateStore(stateDir);
    InstanceState fromTheStart =
        new InstanceState(
            true,
            TaskIdSet.none(),
            null,
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of());
    simulator.instances().forEach(i -> store.save(i.name(), fromTheStart));
  }

  private static void freshDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          if (Files.isRegularFile(f)) {
            Files.delete(f);
          }
        }
      }
    }
    Files.createDirectories(dir);
  }

  /** The terminal shows the live status lines; the agent's log goes to a file beside its state. */
  private static void logToFile(AgentConfiguration config, Path logFile) {
    if (config.getLoggingFactory() instanceof DefaultLoggingFactory logging) {
      FileAppenderFactory<ILoggingEvent> file = new FileAppenderFactory<>();
      file.setCurrentLogFilename(logFile.toString());
      file.setArchive(false);
      logging.setAppenders(List.<AppenderFactory<ILoggingEvent>>of(file));
    }
  }

  private static String randomToken() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
