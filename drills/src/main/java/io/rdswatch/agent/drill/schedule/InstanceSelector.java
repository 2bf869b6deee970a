package io.rdswatch.agent.drill.schedule;

import io.rdswatch.agent.drill.config.DrillScheduleConfig;
import io.rdswatch.agent.instance.InstanceTarget;
import java.util.List;
import java.util.Map;

/** The source instances a schedule drills: listed by name, or every instance whose labels match. */
public final class InstanceSelector {

  private InstanceSelector() {}

  public static List<InstanceTarget> select(
      DrillScheduleConfig schedule, List<InstanceTarget> targets) {
    if (schedule.usesLabelSelector()) {
      Map<String, String> want = schedule.getLabelSelector();
      return targets.stream()
          .filter(
              t ->
                  want.entrySet().stream()
                      .allMatch(e -> e.getValue().equals(t.labels().get(e.getKey()))))
          .toList();
    }
    List<String> names = schedule.getInstances();
    return targets.stream().filter(t -> names.contains(t.name())).toList();
  }

  public static boolean matches(DrillScheduleConfig schedule, InstanceTarget target) {
    return !select(schedule, List.of(target)).isEmpty();
  }
}
