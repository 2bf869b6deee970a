package io.rdswatch.agent.drill.schedule;

import io.rdswatch.agent.drill.config.DrillScheduleConfig;
import io.rdswatch.agent.drill.config.DrillsConfig;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.instance.InstanceTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The instances drills restore onto: where scratch databases, and so orphans, can appear. */
final class DrillTargets {

  private final DrillsConfig config;
  private final DrillContext ctx;
  private final Supplier<List<InstanceTarget>> sources;

  /**
   * @param sources the source instances this agent drills (its shard)
   */
  DrillTargets(DrillsConfig config, DrillContext ctx, Supplier<List<InstanceTarget>> sources) {
    this.config = config;
    this.ctx = ctx;
    this.sources = sources;
  }

  /**
   * Every schedule's targets for the sources this agent owns, plus every target a journaled drill
   * used.
   */
  List<InstanceTarget> scanned(List<DrillRecord> journals) {
    List<InstanceTarget> all = sources.get();
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
