package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.microsoft.sqlserver.jdbc.SQLServerException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginE2eTest {
  @RegisterExtension static final TestServer sim = new TestServer();

  @Test
  void logsInWithUrlCredentialsAndReportsServerVersionAndDatabase() throws Exception {
    String url =
        sim.url()
            + ";user="
            + FixedBackend.USER
            + ";password="
            + FixedBackend.PASSWORD
            + ";databaseName=sales";
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("16.00.4195");
      assertThat(c.getCatalog()).isEqualTo("sales");
      assertThat(c.isValid(2)).isTrue();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
    assertThat(sim.backend.lastPassword).isEqualTo(FixedBackend.PASSWORD);
  }

  @Test
  void wrongPasswordIsLoginFailed18456() {
    assertThatThrownBy(() -> DriverManager.getConnection(sim.url(), "x", "wrong"))
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(18456);
              assertThat(e.getMessage()).startsWith("Login failed for user 'x'.");
              assertThat(e.getSQLState()).isEqualTo("S0001");
            });
  }

  @Test
  void serverClosesTheSocketAfterARejectedLoginAndReportsTheDisconnect() throws Exception {
    int before = sim.backend.disconnected.size();
    assertThatThrownBy(() -> DriverManager.getConnection(sim.url(), "x", "wrong"))
        .isInstanceOf(SQLServerException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> sim.backend.disconnected.size() > before);
    await().atMost(Duration.ofSeconds(5)).until(() -> sim.listener.openConnections() == 0);
  }

  @Test
  void closingAConnectionTellsTheBackend() throws Exception {
    int spid;
    try (Connection c = sim.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      spid = sim.backend.calls.get(sim.backend.calls.size() - 1).spid();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> sim.backend.disconnected.contains(spid));
  }
}
