package io.rdswatch.simulator.tds;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The request a connection is currently answering, as seen by the reader (which may receive an
 * ATTENTION) and the worker (which answers). Fields are guarded by the connection's lock.
 */
final class InFlight {
  private final CountDownLatch cancel = new CountDownLatch(1);

  /** An ATTENTION arrived before the reply started: the worker ends the request and acks. */
  boolean cancelled;

  /** The reply is being written, so it can no longer be cut short. */
  boolean writing;

  /** An ATTENTION arrived while the reply was being written: ack once it is out. */
  boolean ackAfterReply;

  void cancel() {
    cancelled = true;
    cancel.countDown();
  }

  /** Sleeps out an injected delay; returns early when cancelled. */
  void awaitDelay(long millis) throws InterruptedException {
    if (millis > 0) {
      cancel.await(millis, TimeUnit.MILLISECONDS);
    }
  }
}
