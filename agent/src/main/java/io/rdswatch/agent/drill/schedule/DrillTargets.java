package io.rdswatch.agent.drill.schedule;

import io.rdswatch.agent.drill.config.DrillScheduleConfig;
import io.rdswatch.agent.drill.config.DrillsConfig;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.target.InstanceTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The instances drills restore onto: where scratch databases, and so orphans, can appear. */
final class DrillTargets {

  private final DrillsConfig config;
  private final DrillContext ctx;

  DrillTargets(DrillsConfig config, DrillContext ctx) {
    this.config = config;
    this.ctx = ctx;
  }

  /** Every schedule's targets, plus every target a journaled drill used. */
  List<InstanceTarget> scanned(List<DrillRecord> journals) {
    List<InstanceTarget> all = ctx.instances().targets();
    Set<String> names = new LinkedHashSet<>();
    for (DrillScheduleConfig s : config.getSchedules()) {
      for (InstanceTarget source : InstanceSelector.select(s, all)) {
        names.add(s.getTargetInstance() == null ? source.name() : s.getTargetInstance());
      }
    }
    journals.stream().map(DrillRecord::plan).forEach(p -> names.add(p.targetInstance()));
    List<InstanceTarget> out = new ArrayList<>();
    for (String n : names) {
      ctx.target(n).ifPresent(out::add);
    }
    return out;
  }
}
