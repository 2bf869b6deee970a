package io.rdswatch.agent.drill.schedule;

import io.rdswatch.agent.drill.journal.DrillPlan;
import java.util.Optional;

/** What POST /api/drills needs from the running agent. */
public interface DrillLauncher {

  /** Queues a drill; the new drill's id, or empty when no instance has that name. */
  Optional<String> submit(String instance, String database, String trigger);

  /** A drill accepted but not started yet. */
  Optional<DrillPlan> queued(String id);
}
