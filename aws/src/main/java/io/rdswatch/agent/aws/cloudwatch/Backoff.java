package io.rdswatch.agent.aws.cloudwatch;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (a uniformly random delay up to the exponential cap), as in
 * the AWS Architecture Blog's "Exponential Backoff And Jitter". Throttling starts from a longer
 * base, like the SDK's standard strategy, so a throttled account is not hammered.
 */
record Backoff(Duration base, Duration throttledBase, Duration max, DoubleSupplier random) {

  static Backoff standard() {
    return new Backoff(
        Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(10), Math::random);
  }

  /** The wait before retry number {@code retry} (1 = the first retry). */
  Duration delay(int retry, boolean throttled) {
    long baseMillis = (throttled ? throttledBase : base).toMillis();
    long cap = Math.min(max.toMillis(), baseMillis << Math.min(retry - 1, 20));
    return Duration.ofMillis((long) (random.getAsDouble() * cap));
  }
}
