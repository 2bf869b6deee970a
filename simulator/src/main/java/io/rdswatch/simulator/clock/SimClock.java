package io.rdswatch.simulator.clock;

import java.time.Instant;

/**
 * Simulated time. Every simulated instance reads it to advance its task table lazily, so the
 * simulator never runs timers: tests use {@link ManualClock}, `rdswatch simulate` a {@link
 * ScaledClock}.
 */
@FunctionalInterface
public interface SimClock {

  Instant now();
}
