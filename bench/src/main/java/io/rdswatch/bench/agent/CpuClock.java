package io.rdswatch.bench.agent;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this whole JVM (every thread, GC and JIT included): what the agent costs the host.
 */
final class CpuClock {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private CpuClock() {}

  static long processCpuNanos() {
    return OS.getProcessCpuTime();
  }
}
