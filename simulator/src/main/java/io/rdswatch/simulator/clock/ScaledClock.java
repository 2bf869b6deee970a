package io.rdswatch.simulator.clock;

import java.time.Instant;

/**
 * Real time sped up: with speed 60, one simulated minute passes per real second. Simulated time
 * starts at {@code start} when the clock is created.
 */
public final class ScaledClock implements SimClock {
  private final Instant start;
  private final double speed;
  private final long startNanos = System.nanoTime();

  public ScaledClock(Instant start, double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, got " + speed);
    }
    this.start = start;
    this.speed = speed;
  }

  public double speed() {
    return speed;
  }

  @Override
  public Instant now() {
    long elapsedNanos = System.nanoTime() - startNanos;
    return start.plusNanos((long) (elapsedNanos * speed));
  }
}
