package io.rdswatch.simulator.tds;

import io.rdswatch.simulator.engine.SqlBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listening port serving one backend (one simulated instance). Closing it stops accepting and
 * closes its open connections, which is how an instance going down looks to clients.
 */
public final class ListenerHandle implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerHandle.class);
  private static final long CONNECTION_STACK_BYTES = 256 * 1024;

  private final TdsServer server;
  private final ServerSocketChannel channel;
  private final SqlBackend backend;
  private final InetAddress address;
  private final int port;
  private final Set<TdsConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  ListenerHandle(
      TdsServer server,
      ServerSocketChannel channel,
      SqlBackend backend,
      InetAddress address,
      int port) {
    this.server = server;
    this.channel = channel;
    this.backend = backend;
    this.address = address;
    this.port = port;
  }

  /** The bound port (the real one when 0 was asked for). */
  public int port() {
    return port;
  }

  public InetAddress address() {
    return address;
  }

  public SqlBackend backend() {
    return backend;
  }

  public boolean isOpen() {
    return !closed.get();
  }

  /** Client connections currently open on this listener. */
  public int openConnections() {
    return connections.size();
  }

  /** Runs on the acceptor thread: starts the connection's reader thread and returns. */
  void accepted(SocketChannel socket) {
    if (closed.get()) {
      Acceptor.closeQuietly(socket);
      return;
    }
    try {
      socket.configureBlocking(true);
      socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
      TdsConnection connection =
          new TdsConnection(
              socket,
              backend,
              server.tls(),
              server.nextSpid(),
              server.workers(),
              connections::remove);
      connections.add(connection);
      Thread thread =
          new Thread(
              null,
              connection,
              "tds-" + port + "-spid" + connection.spid(),
              CONNECTION_STACK_BYTES);
      thread.setDaemon(true);
      thread.start();
    } catch (IOException e) {
      LOG.debug("port {}: cannot set up connection: {}", port, e.toString());
      Acceptor.closeQuietly(socket);
    }
  }

  /** Stops accepting (the port is free when this returns) and drops every open connection. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.acceptor().deregister(channel);
    for (TdsConnection c : connections) {
      c.close();
    }
    server.forget(this);
    LOG.debug("listener {}:{} closed", address.getHostAddress(), port);
  }

  @Override
  public String toString() {
    return "ListenerHandle["
        + address.getHostAddress()
        + ":"
        + port
        + (closed.get() ? ", closed" : "")
        + "]";
  }
}
