package io.rdswatch.agent.drill.journal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * What a drill was asked to do, fixed when it starts and journaled with it, so a restarted agent
 * finishes the drill as it was planned even if the config changed meanwhile.
 *
 * @param drill the schedule name, or "manual"
 * @param trigger "schedule", "api" or "cli"
 * @param scheduledFor the cron firing this drill belongs to; null when run by hand
 * @param s3Arn a configured backup ARN (with {@code kmsKeyArn}); null means the latest full backup
 * @param rtoTargetSeconds null when the schedule has no target
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DrillPlan(
    String drill,
    String trigger,
    String sourceInstance,
    String targetInstance,
    String database,
    String scratchPrefix,
    Instant scheduledFor,
    String s3Arn,
    String kmsKeyArn,
    boolean includeDifferential,
    List<CheckSpec> checks,
    Long rtoTargetSeconds,
    long timeoutSeconds,
    boolean keepOnFailure) {

  public DrillPlan {
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** One planned check: {@code checkdb} or a SQL statement with an optional expectation. */
  public record CheckSpec(boolean checkdb, String sql, String expect) {}
}
