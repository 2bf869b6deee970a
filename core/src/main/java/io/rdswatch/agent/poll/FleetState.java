package io.rdswatch.agent.poll;

import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The instances being polled right now, by name. Collectors and the API read from here; none of its
 * reads waits on SQL Server (each tracker's snapshot is a non-blocking read).
 */
public final class FleetState {

  /** Told when an instance starts or stops being polled (health checks follow the fleet). */
  public interface Listener {
    void added(InstancePoller instance);

    void removed(InstancePoller instance);
  }

  private final Map<String, InstancePoller> instances = new ConcurrentSkipListMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Clock clock;

  public FleetState(Clock clock) {
    this.clock = clock;
  }

  /** All instances' latest snapshots, sorted by name. */
  public FleetSnapshot snapshot() {
    List<InstanceSnapshot> snapshots =
        instances.values().stream().map(p -> p.tracker().snapshot()).toList();
    return new FleetSnapshot(snapshots, clock.instant());
  }

  /** Sorted by name. */
  public List<InstancePoller> instances() {
    return List.copyOf(instances.values());
  }

  public Optional<InstancePoller> instance(String name) {
    return Optional.ofNullable(instances.get(name));
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
    instances.values().forEach(listener::added);
  }

  void put(InstancePoller instance) {
    InstancePoller previous = instances.put(instance.name(), instance);
    if (previous != null) {
      listeners.forEach(l -> l.removed(previous));
    }
    listeners.forEach(l -> l.added(instance));
  }

  void remove(InstancePoller instance) {
    if (instances.remove(instance.name(), instance)) {
      listeners.forEach(l -> l.removed(instance));
    }
  }
}
