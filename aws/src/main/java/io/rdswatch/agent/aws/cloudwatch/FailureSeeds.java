package io.rdswatch.agent.aws.cloudwatch;

import io.rdswatch.agent.poll.FleetState;
import io.rdswatch.agent.poll.InstancePoller;
import io.rdswatch.exporter.model.FailureKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each instance's failure counters as they stood when it joined the fleet: restored from its state
 * file, before its first poll. They are the TaskFailures baseline of an instance the publisher has
 * not seen yet, so failures the first polls count (tasks that failed while the agent was down, or
 * before the first publish) reach CloudWatch, while failures counted before the restart are not
 * sent again.
 */
public final class FailureSeeds implements FleetState.Listener {

  private final Map<String, Map<FailureKey, Long>> seeds = new ConcurrentHashMap<>();

  @Override
  public void added(InstancePoller instance) {
    seeds.put(instance.name(), instance.tracker().snapshot().failures());
  }

  @Override
  public void removed(InstancePoller instance) {
    seeds.remove(instance.name());
  }

  /** Name to counters at join, for the instances in the fleet now. */
  public Map<String, Map<FailureKey, Long>> current() {
    return Map.copyOf(seeds);
  }
}
