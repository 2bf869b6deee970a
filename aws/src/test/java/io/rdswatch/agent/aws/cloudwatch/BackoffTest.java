package io.rdswatch.agent.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void fullJitterStaysUnderAnExponentialCapThatStopsAtTheMaximum() {
    Random random = new Random(42);
    Backoff backoff =
        new Backoff(
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            random::nextDouble);
    for (int retry = 1; retry <= 30; retry++) {
      long cap = Math.min(10_000, 200L << Math.min(retry - 1, 20));
      long throttledCap = Math.min(10_000, 1000L << Math.min(retry - 1, 20));
      for (int i = 0; i < 50; i++) {
        assertThat(backoff.delay(retry, false).toMillis()).isBetween(0L, cap);
        assertThat(backoff.delay(retry, true).toMillis()).isBetween(0L, throttledCap);
      }
    }
  }

  @Test
  void delaysActuallyVary() {
    Backoff backoff = Backoff.standard();
    long distinct =
        java.util.stream.IntStream.range(0, 20)
            .mapToObj(i -> backoff.delay(3, true))
            .distinct()
            .count();
    assertThat(distinct).isGreaterThan(5);
  }
}
