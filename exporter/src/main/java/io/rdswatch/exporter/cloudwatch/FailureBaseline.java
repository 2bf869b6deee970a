package io.rdswatch.exporter.cloudwatch;

import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * The cumulative failure counters per instance as of the previous publish; TaskFailures reports the
 * growth since then. An instance absent from the baseline (first publish after start, or newly
 * discovered) reports 0 and becomes the baseline, so a restart never re-sends old failures.
 */
public record FailureBaseline(Map<String, Map<FailureKey, Long>> byInstance) {

  public FailureBaseline {
    Map<String, Map<FailureKey, Long>> copy = new HashMap<>();
    byInstance.forEach((name, counts) -> copy.put(name, Map.copyOf(counts)));
    byInstance = Map.copyOf(copy);
  }

  public static FailureBaseline none() {
    return new FailureBaseline(Map.of());
  }

  public static FailureBaseline of(FleetSnapshot fleet) {
    Map<String, Map<FailureKey, Long>> counts = new HashMap<>();
    for (InstanceSnapshot instance : fleet.instances()) {
      counts.put(instance.name(), instance.failures());
    }
    return new FailureBaseline(counts);
  }

  /**
   * Failures of this instance since the baseline, per key, only keys that grew. A counter lower
   * than its baseline was reset (state rebuilt), so all of its current value is new.
   */
  public Map<FailureKey, Long> since(InstanceSnapshot instance) {
    Map<FailureKey, Long> previous = byInstance.get(instance.name());
    Map<FailureKey, Long> growth = new HashMap<>();
    if (previous == null) {
      return growth;
    }
    instance
        .failures()
        .forEach(
            (key, now) -> {
              long before = previous.getOrDefault(key, 0L);
              long delta = now >= before ? now - before : now;
              if (delta > 0) {
                growth.put(key, delta);
              }
            });
    return growth;
  }
}
