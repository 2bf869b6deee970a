package io.rdswatch.agent.drill.schedule;

import io.rdswatch.agent.drill.config.DrillScheduleConfig;
import io.rdswatch.agent.drill.cron.CronExpression;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which schedules fire, driven by whatever clock the caller reads (tests inject one). A
 * schedule fires once for the latest cron time in (previous tick, now]; firings missed while the
 * agent was down are not made up. Thread-safe.
 */
public final class DrillScheduler {

  /** One schedule firing, at its cron time (the same for every agent sharing the schedule). */
  public record Firing(DrillScheduleConfig schedule, Instant at) {}

  private record Entry(DrillScheduleConfig schedule, CronExpression cron) {}

  private final List<Entry> entries = new ArrayList<>();
  private Instant last;

  public DrillScheduler(List<DrillScheduleConfig> schedules, Instant start) {
    schedules.forEach(s -> entries.add(new Entry(s, s.cronExpression())));
    this.last = start;
  }

  public synchronized List<Firing> due(Instant now) {
    List<Firing> out = new ArrayList<>();
    if (!now.isAfter(last)) {
      return out;
    }
    for (Entry e : entries) {
      Instant at = null;
      for (Instant t = e.cron().next(last).orElse(null);
          t != null && !t.isAfter(now);
          t = e.cron().next(t).orElse(null)) {
        at = t;
      }
      if (at != null) {
        out.add(new Firing(e.schedule(), at));
      }
    }
    last = now;
    return out;
  }
}
