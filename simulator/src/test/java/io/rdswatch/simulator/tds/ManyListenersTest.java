package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One process hosts a thousand instances: they must open fast and close cleanly. */
class ManyListenersTest {
  static final int LISTENERS = 1_000;

  @Test
  void aThousandListenersOpenInUnderThirtySecondsAndCloseCleanly() throws Exception {
    FixedBackend backend = new FixedBackend();
    List<Integer> ports = new ArrayList<>();
    long start = System.nanoTime();
    try (TdsServer server = new TdsServer()) {
      for (int i = 0; i < LISTENERS; i++) {
        ports.add(server.listen(InetAddress.getLoopbackAddress(), 0, backend).port());
      }
      long openMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("opened %d TDS listeners in %d ms%n", LISTENERS, openMillis);
      assertThat(openMillis).isLessThan(30_000);
      assertThat(server.listeners()).hasSize(LISTENERS);
      assertThat(ports).doesNotHaveDuplicates();

      for (int port : List.of(ports.get(0), ports.get(LISTENERS / 2), ports.get(LISTENERS - 1))) {
        try (Connection c =
                DriverManager.getConnection(
                    TestServer.url(port), FixedBackend.USER, FixedBackend.PASSWORD);
            ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
          assertThat(rs.next()).isTrue();
        }
      }
      long closeStart = System.nanoTime();
      server.close();
      System.out.printf("closed them in %d ms%n", (System.nanoTime() - closeStart) / 1_000_000);
      assertThat(server.listeners()).isEmpty();
    }
    for (int port : List.of(ports.get(0), ports.get(LISTENERS - 1))) {
      assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
          .isInstanceOf(ConnectException.class);
    }
  }
}
