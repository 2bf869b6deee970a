package io.rdswatch.agent.http;

import com.codahale.metrics.health.HealthCheck;
import io.rdswatch.agent.poll.FleetState;
import io.rdswatch.agent.poll.InstancePoller;
import java.util.List;

/** The summary check: healthy while every polled instance's last poll succeeded. */
public final class FleetHealthCheck extends HealthCheck {

  public static final String NAME = "fleet";

  private final FleetState fleet;

  public FleetHealthCheck(FleetState fleet) {
    this.fleet = fleet;
  }

  @Override
  protected Result check() {
    List<InstancePoller> all = fleet.instances();
    if (all.isEmpty()) {
      return Result.unhealthy("no instances to watch");
    }
    List<String> down =
        all.stream()
            .filter(i -> i.status().polled() && !i.status().ok())
            .map(i -> i.name() + " (" + i.status().lastError().kind().label() + ")")
            .toList();
    long up = all.stream().filter(i -> i.status().ok()).count();
    String summary = up + " of " + all.size() + " instances up";
    return down.isEmpty()
        ? Result.healthy(summary)
        : Result.unhealthy(summary + "; down: " + String.join(", ", down));
  }
}
