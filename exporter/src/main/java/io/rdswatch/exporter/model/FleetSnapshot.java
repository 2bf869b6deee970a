package io.rdswatch.exporter.model;

import java.time.Instant;
import java.util.List;

/** All instances' snapshots, in a stable order (by name). */
public record FleetSnapshot(List<InstanceSnapshot> instances, Instant takenAt) {

  public FleetSnapshot {
    instances = List.copyOf(instances);
  }

  public static FleetSnapshot empty(Instant now) {
    return new FleetSnapshot(List.of(), now);
  }
}
