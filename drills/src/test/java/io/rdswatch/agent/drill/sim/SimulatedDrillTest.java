package io.rdswatch.agent.drill.sim;

import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.run.DrillObserver;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.run.DrillSettings;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh simulated fleet (Sunday 10:00 UTC, outside the backup window) and stateDir per test. */
public abstract class SimulatedDrillTest {

  public static final Instant SUNDAY = Instant.parse("2026-11-29T10:00:00Z");

  @TempDir protected Path state;
  protected DrillSim sim;

  @BeforeEach
  void startSimulator() throws Exception {
    sim = new DrillSim(SUNDAY);
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  /** Runs one drill to its end on this thread with a runner whose names come from {@code seed}. */
  protected DrillRecord run(
      DrillSettings settings, long seed, DrillPlan plan, DrillObserver observer) throws Exception {
    return new DrillRunner(sim.context(state, settings, seed)).run(plan, observer);
  }
}
