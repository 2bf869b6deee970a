package io.rdswatch.agent.drill.run;

import java.time.Duration;

/** Waits between polls of a running task. Tests substitute one that advances a simulated clock. */
@FunctionalInterface
public interface Pacer {

  void pause(Duration d) throws InterruptedException;

  static Pacer sleeping() {
    return d -> Thread.sleep(d.toMillis());
  }
}
