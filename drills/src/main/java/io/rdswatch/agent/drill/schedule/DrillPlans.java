package io.rdswatch.agent.drill.schedule;

import io.rdswatch.agent.drill.config.DrillCheckConfig;
import io.rdswatch.agent.drill.config.DrillScheduleConfig;
import io.rdswatch.agent.drill.config.DrillsConfig;
import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.journal.DrillPlan.CheckSpec;
import io.rdswatch.agent.instance.InstanceTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Turns config into the plan a drill journals: from a schedule firing, or for a run by hand. */
public final class DrillPlans {

  public static final String MANUAL = "manual";

  private final DrillsConfig config;

  public DrillPlans(DrillsConfig config) {
    this.config = config;
  }

  public DrillsConfig config() {
    return config;
  }

  public DrillPlan scheduled(
      DrillScheduleConfig s, String sourceInstance, String database, Instant firing) {
    return plan(s, s.getName(), "schedule", sourceInstance, database, firing);
  }

  /**
   * A drill started by hand. It borrows the settings (checks, target, RTO) of the first schedule
   * that covers the instance and database, and its name; without one it runs DBCC CHECKDB only.
   */
  public DrillPlan manual(InstanceTarget source, String database, String trigger) {
    Optional<DrillScheduleConfig> covering =
        config.getSchedules().stream()
            .filter(
                s ->
                    InstanceSelector.matches(s, source)
                        && new DatabaseSelector(s.getDatabases()).matches(database))
            .findFirst();
    return covering
        .map(s -> plan(s, s.getName(), trigger, source.name(), database, null))
        .orElseGet(
            () ->
                new DrillPlan(
                    MANUAL,
                    trigger,
                    source.name(),
                    source.name(),
                    database,
                    config.getScratchPrefix(),
                    null,
                    null,
                    null,
                    false,
                    List.of(new CheckSpec(true, null, null)),
                    null,
                    config.timeout().toSeconds(),
                    config.isKeepOnFailure()));
  }

  private DrillPlan plan(
      DrillScheduleConfig s,
      String drill,
      String trigger,
      String source,
      String database,
      Instant firing) {
    String target = s.getTargetInstance() == null ? source : s.getTargetInstance();
    List<CheckSpec> checks = s.getChecks().stream().map(DrillPlans::spec).toList();
    Long rto = s.rtoTarget() == null ? null : s.rtoTarget().toSeconds();
    return new DrillPlan(
        drill,
        trigger,
        source,
        target,
        database,
        config.getScratchPrefix(),
        firing,
        s.getS3Arn(),
        s.getKmsKeyArn(),
        s.isIncludeDifferential(),
        checks,
        rto,
        config.timeout().toSeconds(),
        config.isKeepOnFailure());
  }

  private static CheckSpec spec(DrillCheckConfig c) {
    return new CheckSpec(c.isCheckdb(), c.getSql(), c.getExpect());
  }
}
