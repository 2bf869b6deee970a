package io.rdswatch.simulator.tds;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A server with one listener on an ephemeral loopback port, for the end-to-end tests. */
final class TestServer implements AutoCloseable {
  final FixedBackend backend = new FixedBackend();
  final TdsServer server = new TdsServer();
  final ListenerHandle listener;

  TestServer() throws Exception {
    listener = server.listen(InetAddress.getLoopbackAddress(), 0, backend);
  }

  String url() {
    return url(listener.port());
  }

  static String url(int port) {
    return "jdbc:sqlserver://127.0.0.1:" + port + ";encrypt=false;loginTimeout=5";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), FixedBackend.USER, FixedBackend.PASSWORD);
  }

  @Override
  public void close() {
    server.close();
  }
}
