package io.rdswatch.simulator.tds;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread and one selector accept connections for every listener, so an idle listener costs a
 * socket and a selection key. Registration changes run on the selector thread; a deregistration
 * waits until the selector has released the port, so the same port can be bound again at once.
 */
final class Acceptor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Acceptor.class);

  /** Receives each accepted socket; runs on the selector thread, so it must not block. */
  interface Target {
    void accepted(SocketChannel socket);
  }

  private final Selector selector;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  Acceptor() throws IOException {
    selector = Selector.open();
    thread = new Thread(this::loop, "tds-acceptor");
    thread.setDaemon(true);
    thread.start();
  }

  void register(ServerSocketChannel channel, Target target) {
    submit(
        () -> {
          try {
            channel.register(selector, SelectionKey.OP_ACCEPT, target);
          } catch (IOException e) {
            LOG.debug("listener closed before it was registered: {}", e.toString());
          }
        });
  }

  /** Stops accepting on {@code channel} and closes it; returns once the port is free. */
  void deregister(ServerSocketChannel channel) {
    Runnable release =
        () -> {
          SelectionKey key = channel.keyFor(selector);
          if (key != null) {
            key.cancel();
          }
          closeQuietly(channel);
          try {
            selector.selectNow(); // flushes cancelled keys; only then does the JDK close the socket
          } catch (IOException | ClosedSelectorException e) {
            LOG.debug("selectNow failed: {}", e.toString());
          }
        };
    if (!running || Thread.currentThread() == thread) {
      release.run();
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    submit(
        () -> {
          release.run();
          done.complete(null);
        });
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("deregistration did not finish: {}", e.toString());
      closeQuietly(channel);
    }
  }

  private void submit(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  private void loop() {
    while (running) {
      try {
        selector.select();
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
          task.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          acceptAll(key);
        }
        selector.selectedKeys().clear();
      } catch (ClosedSelectorException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.debug("acceptor loop error (continuing): {}", e.toString());
      }
    }
  }

  private static void acceptAll(SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    ServerSocketChannel server = (ServerSocketChannel) key.channel();
    Target target = (Target) key.attachment();
    while (true) {
      SocketChannel socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        LOG.debug("accept failed: {}", e.toString());
        return;
      }
      if (socket == null) {
        return;
      }
      try {
        target.accepted(socket);
      } catch (RuntimeException e) {
        LOG.debug("connection setup failed", e);
        closeQuietly(socket);
      }
    }
  }

  static void closeQuietly(java.nio.channels.Channel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("close failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      task.run();
    }
    try {
      for (SelectionKey key : selector.keys()) {
        closeQuietly(key.channel());
      }
      selector.close();
    } catch (IOException | ClosedSelectorException e) {
      LOG.debug("selector close failed: {}", e.toString());
    }
  }
}
