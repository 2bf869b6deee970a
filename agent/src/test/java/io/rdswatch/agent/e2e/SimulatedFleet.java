package io.rdswatch.agent.e2e;

import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.demo.DemoConfig;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.clock.SimulatedTime;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A simulator on free loopback ports under a manual clock, plus the rdswatch config that points at
 * it (written and loaded through the real loader, as a user's file would be). It speaks TLS, and
 * the config trusts its CA, so the end-to-end tests run the production path: encrypt=true with the
 * certificate checked.
 */
final class SimulatedFleet implements AutoCloseable {

  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  final ManualClock clock;
  final Simulator simulator;

  private SimulatedFleet(ManualClock clock, Simulator simulator) {
    this.clock = clock;
    this.simulator = simulator;
  }

  static SimulatedFleet start(Scenario scenario) throws Exception {
    return start(scenario, START, SimulatorOptions.forTests(null));
  }

  /** Over TLS, with a fresh CA in a temporary directory unless {@code options} names one. */
  static SimulatedFleet start(Scenario scenario, Instant at, SimulatorOptions options)
      throws Exception {
    return open(
        scenario,
        at,
        options.tlsDir() != null
            ? options
            : options.withTlsDir(Files.createTempDirectory("rdswatch-sim-tls")));
  }

  /** A simulator without a certificate: PRELOGIN says encryption is not supported. */
  static SimulatedFleet plain(Scenario scenario) throws Exception {
    return open(scenario, START, SimulatorOptions.forTests(null));
  }

  private static SimulatedFleet open(Scenario scenario, Instant at, SimulatorOptions options)
      throws Exception {
    ManualClock clock = new ManualClock(at);
    return new SimulatedFleet(clock, Simulator.start(scenario, options.withClock(clock)));
  }

  SimulatedInstance instance(String name) {
    return simulator.instance(name);
  }

  /** The agent's clock: the simulator's manual time. */
  Clock agentClock() {
    return new SimulatedTime(clock);
  }

  void advance(Duration by) {
    clock.advance(by);
  }

  /** Writes the config for every simulated instance (ports 0: the agent picks free ones). */
  Path writeConfig(Path dir, Duration interval, Duration timeout) throws Exception {
    Path file = dir.resolve("rdswatch.yml");
    String yaml = DemoConfig.yaml(simulator, 0, 0, dir.resolve("state"), interval, timeout, null);
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  AgentConfiguration config(Path dir, Duration interval, Duration timeout) throws Exception {
    return ConfigLoader.load(writeConfig(dir, interval, timeout));
  }

  @Override
  public void close() {
    simulator.close();
  }
}
