package io.rdswatch.bench.agent;

import io.rdswatch.agent.poll.Poller;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Full cycles back to back on a background thread: the busiest the poller can be, for figure 3. */
final class PollLoop {

  private final Poller poller;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger cycles = new AtomicInteger();
  private Thread thread;

  PollLoop(Poller poller) {
    this.poller = poller;
  }

  synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the poll loop is already running");
    }
    cycles.set(0);
    running.set(true);
    thread =
        new Thread(
            () -> {
              while (running.get()) {
                poller.pollOnce();
                cycles.incrementAndGet();
              }
            },
            "bench-poll-loop");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops after the cycle in progress; returns how many cycles completed. */
  synchronized int stop() throws InterruptedException {
    if (thread == null) {
      throw new IllegalStateException("the poll loop is not running");
    }
    running.set(false);
    thread.join();
    thread = null;
    return cycles.get();
  }
}
