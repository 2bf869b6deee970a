package io.rdswatch.simulator.tds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server with one listener on an ephemeral loopback port, for the end-to-end tests. As a static
 * {@code @RegisterExtension} field it lives for the test class; otherwise close it yourself.
 */
final class TestServer implements AutoCloseable, AfterAllCallback {
  final FixedBackend backend = new FixedBackend();
  final TdsServer server = new TdsServer();
  final ListenerHandle listener;
  private Connection shared;

  TestServer() {
    try {
      listener = server.listen(InetAddress.getLoopbackAddress(), 0, backend);
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException(e);
    }
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

  /** One connection for a whole test class, opened on first use and closed with the server. */
  synchronized Connection shared() throws SQLException {
    if (shared == null) {
      shared = connect();
    }
    return shared;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (shared != null) {
        try {
          shared.close();
        } catch (SQLException e) {
          // the server is going away anyway; nothing to release on our side
        }
      }
    }
    server.close();
  }
}
