package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.config.DrillsConfig;
import java.time.Duration;

/**
 * The drill-wide settings the runner needs, taken from the `drills` section.
 *
 * @param queryTimeout bound on each catalog query and procedure call (not on checks, which get the
 *     drill's remaining time)
 */
public record DrillSettings(
    String scratchPrefix,
    int maxDatabasesPerInstance,
    double spaceSafetyFactor,
    Duration followInterval,
    Duration timeout,
    boolean keepOnFailure,
    Duration queryTimeout) {

  public static DrillSettings from(DrillsConfig c) {
    return new DrillSettings(
        c.getScratchPrefix(),
        c.getMaxDatabasesPerInstance(),
        c.getSpaceSafetyFactor(),
        c.followInterval(),
        c.timeout(),
        c.isKeepOnFailure(),
        Duration.ofSeconds(60));
  }
}
