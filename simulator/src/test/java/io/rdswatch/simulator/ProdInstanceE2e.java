package io.rdswatch.simulator;

import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * End-to-end tests against a fresh simulator per test: {@link #scenario()} describes the fleet, and
 * {@code c} is an admin connection to its instance "prod" through the real driver.
 */
abstract class ProdInstanceE2e {
  SimHarness h;
  Connection c;

  /** The scenario YAML; it must have an instance named "prod". */
  abstract String scenario();

  @BeforeEach
  final void startSimulator() throws Exception {
    h = new SimHarness(scenario());
    c = h.connect("prod");
  }

  @AfterEach
  final void stopSimulator() throws Exception {
    c.close();
    h.close();
  }
}
