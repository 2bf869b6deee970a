package io.rdswatch.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;

/** One measured cycle as the agent JVM reports it, plus the simulator CPU the harness saw meanwhile. */
record Cycle(double wallSeconds, double cpuSeconds, long rows, int failed, double simulatorCpuSeconds) {

  static Cycle of(JsonNode reply, long simulatorCpuNanos) {
    return new Cycle(reply.get("wallNanos").asLong() / 1e9, reply.get("cpuNanos").asLong() / 1e9,
        reply.get("rows").asLong(), reply.get("failed").asInt(), simulatorCpuNanos / 1e9);
  }

  /** Runs "KIND SET" on the agent JVM and times the simulator around it. */
  static Cycle run(ChildJvm agent, ChildJvm fleet, String kind, String set) throws InterruptedException {
    long sim0 = fleet.cpuNanos();
    JsonNode reply = agent.call(kind + " " + set, Timeouts.CYCLE);
    Cycle c = of(reply, fleet.cpuNanos() - sim0);
    if (c.failed() > 0) {
      throw new IllegalStateException(kind + " " + set + ": " + c.failed() + " polls failed, so the cycle is not"
          + " comparable; see " + agent.log());
    }
    return c;
  }
}
