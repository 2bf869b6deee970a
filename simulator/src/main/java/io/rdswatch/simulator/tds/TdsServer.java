package io.rdswatch.simulator.tds;

import io.rdswatch.simulator.engine.SqlBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TDS 7.4 server hosting many listeners (one per simulated instance) in one process. One selector
 * thread accepts for all of them; each connection gets a reader thread, and requests run on a
 * shared pool of worker threads.
 */
public final class TdsServer implements AutoCloseable {
  private static final int BACKLOG = 128;
  private static final int FIRST_SPID = 51; // SQL Server's user sessions start here
  private static final int LAST_SPID = 32_767;

  private final ServerTls tls;
  private final Acceptor acceptor;
  private final ExecutorService workers;
  private final Set<ListenerHandle> listeners = ConcurrentHashMap.newKeySet();
  private final AtomicInteger spids = new AtomicInteger();
  private volatile boolean closed;

  /** A server without a certificate: PRELOGIN answers that encryption is not supported. */
  public TdsServer() {
    this(null);
  }

  /**
   * A server that speaks TLS with {@code tls}'s certificate, as SQL Server does (null for none).
   */
  public TdsServer(ServerTls tls) {
    this.tls = tls;
    try {
      acceptor = new Acceptor();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector for the TDS acceptor", e);
    }
    AtomicInteger workerIds = new AtomicInteger();
    workers =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "tds-worker-" + workerIds.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Listens on {@code bind:port} (port 0 picks a free one) for clients of {@code backend}.
   *
   * @throws BindException naming the address and port when it is taken
   */
  public ListenerHandle listen(InetAddress bind, int port, SqlBackend backend) throws IOException {
    if (closed) {
      throw new IllegalStateException("the TDS server is closed");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535, got " + port);
    }
    ServerSocketChannel channel = ServerSocketChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(new InetSocketAddress(bind, port), BACKLOG);
      channel.configureBlocking(false);
    } catch (BindException e) {
      Acceptor.closeQuietly(channel);
      throw new BindException(
          "cannot listen on "
              + bind.getHostAddress()
              + ":"
              + port
              + ": port "
              + port
              + " is already in use ("
              + e.getMessage()
              + ")");
    } catch (IOException | RuntimeException e) {
      Acceptor.closeQuietly(channel);
      throw e;
    }
    int actual = ((InetSocketAddress) channel.getLocalAddress()).getPort();
    ListenerHandle handle = new ListenerHandle(this, channel, backend, bind, actual);
    listeners.add(handle);
    acceptor.register(channel, handle::accepted);
    return handle;
  }

  /** Open listeners, in no particular order. */
  public List<ListenerHandle> listeners() {
    return List.copyOf(listeners);
  }

  /** Closes every listener and its connections, then the acceptor and the worker pool. */
  @Override
  public void close() {
    closed = true;
    for (ListenerHandle h : List.copyOf(listeners)) {
      h.close();
    }
    acceptor.close();
    workers.shutdownNow();
  }

  int nextSpid() {
    return FIRST_SPID + Math.floorMod(spids.getAndIncrement(), LAST_SPID - FIRST_SPID + 1);
  }

  ServerTls tls() {
    return tls;
  }

  ExecutorService workers() {
    return workers;
  }

  Acceptor acceptor() {
    return acceptor;
  }

  void forget(ListenerHandle handle) {
    listeners.remove(handle);
  }
}
