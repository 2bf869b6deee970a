package io.rdswatch.bench.fleet;

import io.rdswatch.bench.wire.CommandLoop;
import io.rdswatch.bench.wire.Wire;
import java.util.Map;

/**
 * The simulator JVM of the benchmark: every simulated instance the run needs, in one process of its
 * own so that its CPU is measured apart from the agent's. Replies once with the instances and their
 * ports, then serves "fail NAME" (a freshness instance's backup turns ERROR now) until "quit".
 */
public final class FleetMain {

  private FleetMain() {}

  public static void main(String[] args) throws Exception {
    FleetSpec spec = FleetSpec.parse(args);
    try (Fleets fleets = Fleets.start(spec)) {
      Wire.reply(fleets.describe());
      new CommandLoop(Map.of("fail", a -> fleets.failNow(a.get(0)))).run();
    }
    System.exit(0);
  }
}
