package io.rdswatch.simulator.clock;

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
  private final ZoneId zone;

  public SimulatedTime(SimClock simClock) {
    this(simClock, ZoneOffset.UTC);
  }

  private SimulatedTime(SimClock simClock, ZoneId zone) {
    this.simClock = simClock;
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new SimulatedTime(simClock, zone);
  }

  @Override
  public Instant instant() {
    return simClock.now();
  }
}
