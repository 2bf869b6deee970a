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

  private void drain(String key) {
    boolean more = true;
    while (more) {
      Runnable next;
      synchronized (this) {
        next = queues.get(key).peek();
      }
      boolean finished = false;
      try {
        next.run();
        finished = true;
      } catch (RuntimeException e) {
        LOG.error("drill job for {} failed", key, e);
        finished = true;
      } finally {
        more = advance(key);
        if (more && !finished) {
          // an Error is on its way up and ends this thread; the key's other jobs still run
          executor.execute(() -> drain(key));
        }
      }
    }
  }

  /** Removes the job that ran; true when the key has more. */
  private synchronized boolean advance(String key) {
    Deque<Runnable> q = queues.get(key);
    q.poll();
    if (q.isEmpty()) {
      queues.remove(key);
      return false;
    }
    return true;
  }
}
