package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario's tls_dir and force_ssl, through the Simulator as tests, the demo and `simulate` start
 * it.
 */
class SimulatorTlsTest {
  @TempDir Path dir;

  @Test
  void aScenarioWithTlsDirServesVerifiedTlsAndItsJdbcUrlSaysHow() throws Exception {
    Path tls = dir.resolve("tls");
    Scenario scenario =
        Scenario.parse(
            """
        tls_dir: %s
        instances:
          - name: secure
            force_ssl: true
            databases: [{name: Sales}]
        """
                .formatted(tls));
    assertThat(scenario.tlsDir()).isEqualTo(tls.toString());
    try (Simulator sim =
        Simulator.start(
            scenario,
            SimulatorOptions.forTests(new ManualClock(Instant.parse("2026-03-02T00:00:00Z"))))) {
      assertThat(sim.trustFiles().trustStore()).isEqualTo(tls.resolve("truststore.p12"));
      SimulatedInstance secure = sim.instance("secure");
      assertThat(secure.forceEncryption()).isTrue();
      assertThat(secure.jdbcUrl())
          .contains(
              ";encrypt=true;trustServerCertificate=false;trustStore="
                  + tls.resolve("truststore.p12")
                  + ";trustStorePassword=changeit;");
      try (Connection c = DriverManager.getConnection(secure.jdbcUrl(), "admin", "admin");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT name FROM sys.databases WHERE name = N'Sales'")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }
}
