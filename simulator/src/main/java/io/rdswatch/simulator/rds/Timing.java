package io.rdswatch.simulator.rds;

import java.time.Duration;

/**
 * How fast an instance's tasks move. A clean run lasts size / throughput (at least {@code minRun});
 * a task waits a random {@code pickupMin..pickupMax} in CREATED before RDS picks it up ("can take
 * up to 5 minutes").
 *
 * @param differentialFraction a differential backup's size relative to its database
 * @param failAfter how long a task that fails its checks runs before it ends in ERROR
 */
public record Timing(
    double throughputMbPerSecond,
    Duration pickupMin,
    Duration pickupMax,
    Duration minRun,
    Duration cancelDelay,
    Duration failAfter,
    Duration finishRestore,
    double differentialFraction) {

  public Timing {
    if (!(throughputMbPerSecond > 0)) {
      throw new IllegalArgumentException(
          "throughput_mb_per_s must be > 0, got " + throughputMbPerSecond);
    }
    if (pickupMin.isNegative() || pickupMax.compareTo(pickupMin) < 0) {
      throw new IllegalArgumentException("pickup delay must satisfy 0 <= min <= max");
    }
    if (!(differentialFraction > 0 && differentialFraction <= 1)) {
      throw new IllegalArgumentException(
          "differential_fraction must be in (0, 1], got " + differentialFraction);
    }
  }

  public static Timing defaults() {
    return new Timing(
        50,
        Duration.ofSeconds(20),
        Duration.ofSeconds(120),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        Duration.ofSeconds(4),
        Duration.ofSeconds(30),
        0.1);
  }

  public Timing withThroughput(double mbPerSecond) {
    return new Timing(
        mbPerSecond,
        pickupMin,
        pickupMax,
        minRun,
        cancelDelay,
        failAfter,
        finishRestore,
        differentialFraction);
  }

  public Timing withPickup(Duration min, Duration max) {
    return new Timing(
        throughputMbPerSecond,
        min,
        max,
        minRun,
        cancelDelay,
        failAfter,
        finishRestore,
        differentialFraction);
  }

  /** A clean run over {@code sizeMb} of data. */
  public Duration run(long sizeMb) {
    long millis = (long) (sizeMb * 1000 / throughputMbPerSecond);
    return Duration.ofMillis(Math.max(minRun.toMillis(), millis));
  }
}
