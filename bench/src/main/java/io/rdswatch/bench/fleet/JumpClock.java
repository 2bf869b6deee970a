package io.rdswatch.bench.fleet;

import io.rdswatch.simulator.clock.ScaledClock;
import io.rdswatch.simulator.clock.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real time that can be pushed ahead. Each freshness instance runs on its own one, so the harness
 * can move a submitted task past RDS's random 20-120 s pickup delay at once instead of waiting for
 * it.
 */
final class JumpClock implements SimClock {

  private final ScaledClock real = new ScaledClock(Instant.now(), 1);
  private final AtomicLong aheadMillis = new AtomicLong();

  @Override
  public Instant now() {
    return real.now().plusMillis(aheadMillis.get());
  }

  void jump(Duration by) {
    aheadMillis.addAndGet(by.toMillis());
  }

  Duration ahead() {
    return Duration.ofMillis(aheadMillis.get());
  }
}
