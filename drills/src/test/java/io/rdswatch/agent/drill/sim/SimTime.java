package io.rdswatch.agent.drill.sim;

import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.clock.SimulatedTime;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** The simulator's manual clock as a java.time.Clock, and a runner that keeps it moving. */
public final class SimTime {

  private SimTime() {}

  public static Clock clock(ManualClock manual) {
    return new SimulatedTime(manual);
  }

  /** Moves simulated time by {@code step} every few real milliseconds until closed. */
  public static AutoCloseable flowing(ManualClock manual, Duration step) {
    AtomicBoolean done = new AtomicBoolean();
    Thread t =
        new Thread(
            () -> {
              while (!done.get()) {
                manual.advance(step);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "sim-time");
    t.setDaemon(true);
    t.start();
    return () -> {
      done.set(true);
      t.join();
    };
  }
}
