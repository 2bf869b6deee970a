package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backend's fault directives, carried out on the wire, seen by the real driver. */
class FaultE2eTest {
  TestServer sim;

  @BeforeEach
  void start() throws Exception {
    sim = new TestServer();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void queryTimeoutCancelsAnInjectedDelayAndTheConnectionStaysUsable() throws Exception {
    try (Connection c = sim.connect();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.executeQuery("select slow"))
          .isInstanceOf(SQLTimeoutException.class)
          .hasMessageContaining("timed out");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).isBetween(900L, 4_000L);
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      assertThat(c.isValid(2)).isTrue();
    }
  }

  @Test
  void cancelAfterTheReplyWasSentIsStillAcknowledged() throws Exception {
    try (Connection c = sim.connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select many")) {
        assertThat(rs.next()).isTrue();
        s.cancel(); // the whole reply is already on the wire; only the ack is missing
      } catch (SQLException e) {
        assertThat(e.getMessage()).contains("cancel");
      }
      try (Statement s2 = c.createStatement();
          ResultSet rs = s2.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void droppedConnectionFailsTheClientWhileReadingRows() throws Exception {
    int[] rows = {0};
    try (Connection c = sim.connect();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> {
                try (ResultSet rs = s.executeQuery("select drop")) {
                  while (rs.next()) {
                    assertThat(rs.getInt(1)).isEqualTo(rows[0]++);
                  }
                }
              })
          .isInstanceOf(SQLException.class);
      assertThat(rows[0]).as("rows read before the drop").isEqualTo(10);
      assertThat(c.isValid(1)).isFalse();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> sim.listener.openConnections() == 0);
  }

  @Test
  void closeAfterDeliversTheReplyThenClosesTheConnection() throws Exception {
    try (Connection c = sim.connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select close")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> sim.listener.openConnections() == 0);
      assertThatThrownBy(() -> s.executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void closingTheListenerRefusesConnectionsAndDropsOpenOnes() throws Exception {
    int port = sim.listener.port();
    Connection open = sim.connect();
    sim.listener.close();
    assertThat(sim.listener.isOpen()).isFalse();
    assertThat(sim.listener.openConnections()).isZero();
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> open.createStatement().executeQuery("SELECT 1"))
        .isInstanceOf(SQLException.class);
    open.close();

    ListenerHandle again = sim.server.listen(InetAddress.getLoopbackAddress(), port, sim.backend);
    assertThat(again.port()).isEqualTo(port);
    try (Connection c = sim.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void aTakenPortIsAClearError() {
    int port = sim.listener.port();
    assertThatThrownBy(() -> sim.server.listen(InetAddress.getLoopbackAddress(), port, sim.backend))
        .isInstanceOf(java.net.BindException.class)
        .hasMessageContaining("port " + port + " is already in use");
  }

  @Test
  void garbageOnTheWireClosesOnlyThatConnection() throws Exception {
    try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), sim.listener.port())) {
      raw.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x10, 1, 2, 3});
      raw.getOutputStream().flush();
      assertThat(raw.getInputStream().read()).isEqualTo(-1);
    }
    try (Connection c = sim.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
  }
}
