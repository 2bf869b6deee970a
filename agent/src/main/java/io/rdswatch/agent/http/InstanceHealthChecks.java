package io.rdswatch.agent.http;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.rdswatch.agent.poll.FleetState;
import io.rdswatch.agent.poll.InstancePoller;
import io.rdswatch.agent.poll.PollStatus;

/**
 * One admin health check per polled instance ("instance:NAME"), registered and removed as the fleet
 * changes. Healthy when its last poll succeeded; an instance not polled yet is not reported as
 * broken.
 */
public final class InstanceHealthChecks implements FleetState.Listener {

  static final String PREFIX = "instance:";

  private final HealthCheckRegistry registry;

  public InstanceHealthChecks(HealthCheckRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void added(InstancePoller instance) {
    registry.unregister(PREFIX + instance.name());
    registry.register(
        PREFIX + instance.name(),
        new HealthCheck() {
          @Override
          protected Result check() {
            return result(instance.status());
          }
        });
  }

  @Override
  public void removed(InstancePoller instance) {
    registry.unregister(PREFIX + instance.name());
  }

  static HealthCheck.Result result(PollStatus status) {
    if (!status.polled()) {
      return HealthCheck.Result.healthy("not polled yet");
    }
    if (status.ok()) {
      return HealthCheck.Result.healthy(
          "last poll at " + status.lastPoll() + " saw " + status.tasksSeen() + " tasks");
    }
    PollStatus.PollError error = status.lastError();
    return HealthCheck.Result.unhealthy(error.kind().label() + ": " + error.message());
  }
}
