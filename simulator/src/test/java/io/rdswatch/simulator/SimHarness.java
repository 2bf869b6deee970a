package io.rdswatch.simulator;

import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.scenario.Scenario;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** A simulator on free loopback ports with a manual clock, for end-to-end tests. */
final class SimHarness implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  final ManualClock clock = new ManualClock(T0);
  final Simulator sim;

  SimHarness(String yaml) throws IOException {
    this(Scenario.parse(yaml));
  }

  SimHarness(Scenario scenario) throws IOException {
    sim = Simulator.start(scenario, SimulatorOptions.forTests(clock));
  }

  SimulatedInstance instance(String name) {
    return sim.instance(name);
  }

  Connection connect(String instance) throws SQLException {
    return connect(instance, "admin", "admin");
  }

  Connection connect(String instance, String user, String password) throws SQLException {
    return DriverManager.getConnection(sim.instance(instance).jdbcUrl(), user, password);
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  @Override
  public void close() {
    sim.close();
  }
}
