package io.rdswatch.agent.drill.schedule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FIFO queue per key (a target instance) over a shared executor: jobs of one key run one at a
 * time, in order; different keys run in parallel up to the executor's size. Thread-safe.
 */
final class SerialQueues {

  private static final Logger LOG = LoggerFactory.getLogger(SerialQueues.class);

  private final Executor executor;
  private final Map<String, Deque<Runnable>> queues = new HashMap<>();

  SerialQueues(Executor executor) {
    this.executor = executor;
  }

  void submit(String key, Runnable job) {
    boolean start;
    synchronized (this) {
      Deque<Runnable> q = queues.get(key);
      start = q == null;
      if (start) {
        q = new ArrayDeque<>();
        queues.put(key, q);
      }
      q.add(job);
    }
    if (start) {
      executor.execute(() -> drain(key));
    }
  }

  /** Jobs waiting or running for a key. */
  synchronized int pending(String key) {
    Deque<Runnable> q = queues.get(key);
    return q == null ? 0 : q.size();
  }

  private void drain(String key) {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = queues.get(key).peek();
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        LOG.error("drill job for {} failed", key, e);
      }
      synchronized (this) {
        Deque<Runnable> q = queues.get(key);
        q.poll();
        if (q.isEmpty()) {
          queues.remove(key);
          return;
        }
      }
    }
  }
}
