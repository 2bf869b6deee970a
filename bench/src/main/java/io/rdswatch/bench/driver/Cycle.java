package io.rdswatch.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One measurement as the agent JVM reports it: {@code times} cycles back to back (one, except where
 * a single cycle is too short to time well), plus the simulator CPU the harness saw meanwhile.
 * Every figure is per cycle. Bytes are what the simulator wrote meanwhile: the TDS replies on the
 * wire.
 */
record Cycle(
    double wallSeconds,
    double cpuSeconds,
    long rows,
    int failed,
    double simulatorCpuSeconds,
    double simulatorBytes) {

  static Cycle of(JsonNode reply, long simulatorCpuNanos, long simulatorBytes, int times) {
    return new Cycle(
        reply.get("wallNanos").asLong() / 1e9 / times,
        reply.get("cpuNanos").asLong() / 1e9 / times,
        reply.get("rows").asLong() / times,
        reply.get("failed").asInt(),
        simulatorCpuNanos / 1e9 / times,
        (double) simulatorBytes / times);
  }

  /** Runs "KIND SET TIMES" on the agent JVM and times the simulator around it. */
  static Cycle run(ChildJvm agent, ChildJvm fleet, String kind, String set, int times)
      throws InterruptedException {
    long sim0 = fleet.cpuNanos();
    long bytes0 = fleet.writtenBytes();
    JsonNode reply = agent.call(kind + " " + set + " " + times, Timeouts.CYCLE);
    Cycle c = of(reply, fleet.cpuNanos() - sim0, fleet.writtenBytes() - bytes0, times);
    if (c.failed() > 0) {
      throw new IllegalStateException(
          kind
              + " "
              + set
              + ": "
              + c.failed()
              + " polls failed, so the cycle is not"
              + " comparable; see "
              + agent.log());
    }
    return c;
  }
}
