package io.rdswatch.bench.agent;

import java.util.concurrent.Callable;

/**
 * One timed piece of work: wall and process CPU time, the rows it read and the polls that failed. A
 * failed poll makes a cycle cheaper, so the harness refuses figures from cycles with failures.
 */
record Measured(long wallNanos, long cpuNanos, long rows, int failed) {

  /** What the work reports back: rows read and polls failed. */
  record Outcome(long rows, int failed) {}

  static Measured of(Callable<Outcome> work) throws Exception {
    long cpu0 = CpuClock.processCpuNanos();
    long t0 = System.nanoTime();
    Outcome outcome = work.call();
    long wall = System.nanoTime() - t0;
    long cpu = CpuClock.processCpuNanos() - cpu0;
    return new Measured(wall, cpu, outcome.rows(), outcome.failed());
  }
}
