package io.rdswatch.agent.demo;

import io.rdswatch.simulator.SimClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulator's time as a {@link Clock}, so an agent running beside a sped-up or manual simulator
 * measures queue ages, stalls and poll times in the same time as the tasks it reads.
 */
public final class SimulatedTime extends Clock {

  private final SimClock simClock;

  public SimulatedTime(SimClock simClock) {
    this.simClock = simClock;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("simulated time is UTC only");
    }
    return this;
  }

  @Override
  public Instant instant() {
    return simClock.now();
  }
}
