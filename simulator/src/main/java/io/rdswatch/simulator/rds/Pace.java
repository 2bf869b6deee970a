package io.rdswatch.simulator.rds;

/**
 * How a task's work spreads over its run. Real tasks do not move at one speed: S3 throughput and
 * the database's layout change the time between two "5 percent processed" lines, so a consumer that
 * estimates time left must cope with a rate that changes mid-run.
 */
public enum Pace {
  /** The same speed from start to end. */
  STEADY,
  /** The first half of the work in the first quarter of the run, the rest three times slower. */
  UNEVEN;

  private static final double FAST_WORK = 0.5;
  private static final double FAST_TIME = 0.25;

  /** Work done (0..1) after {@code timeFraction} (0..1) of the run. */
  double work(double timeFraction) {
    if (this == STEADY || timeFraction <= FAST_TIME) {
      return this == STEADY ? timeFraction : timeFraction * FAST_WORK / FAST_TIME;
    }
    return FAST_WORK + (timeFraction - FAST_TIME) * (1 - FAST_WORK) / (1 - FAST_TIME);
  }

  /** The fraction of the run after which {@code workFraction} of the work is done. */
  double time(double workFraction) {
    if (this == STEADY || workFraction <= FAST_WORK) {
      return this == STEADY ? workFraction : workFraction * FAST_TIME / FAST_WORK;
    }
    return FAST_TIME + (workFraction - FAST_WORK) * (1 - FAST_TIME) / (1 - FAST_WORK);
  }
}
