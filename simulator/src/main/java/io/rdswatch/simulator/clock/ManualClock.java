package io.rdswatch.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A clock that only moves when a test moves it. Thread-safe. */
public final class ManualClock implements SimClock {
  private volatile Instant now;

  public ManualClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  @Override
  public Instant now() {
    return now;
  }

  public synchronized ManualClock advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("a simulated clock never goes back: " + by);
    }
    now = now.plus(by);
    return this;
  }

  public synchronized ManualClock set(Instant to) {
    if (to.isBefore(now)) {
      throw new IllegalArgumentException("a simulated clock never goes back: " + to + " < " + now);
    }
    now = to;
    return this;
  }
}
