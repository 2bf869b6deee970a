package io.rdswatch.agent.track;

import io.rdswatch.simulator.clock.ManualClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The agent's clock reading a simulator's manual clock, so that agent and simulator agree on "now".
 */
public final class SimClocks {

  private SimClocks() {}

  public static Clock of(ManualClock simClock) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return simClock.now();
      }
    };
  }
}
