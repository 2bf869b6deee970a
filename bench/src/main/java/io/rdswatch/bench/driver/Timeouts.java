package io.rdswatch.bench.driver;

import java.time.Duration;

/** How long the harness waits for its children before it calls the run broken. */
final class Timeouts {

  static final Duration START = Duration.ofMinutes(3);
  static final Duration CYCLE = Duration.ofMinutes(3);
  static final Duration QUICK = Duration.ofSeconds(30);

  private Timeouts() {}
}
