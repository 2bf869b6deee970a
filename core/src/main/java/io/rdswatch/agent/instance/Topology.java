package io.rdswatch.agent.instance;

/**
 * Where an instance stands in RDS replication, as the drill preflight needs it (README, "Drills on
 * real topologies"). Discovery reads it from DescribeDBInstances; a static instance states it in
 * its config, and unstated means a single-AZ primary without replicas.
 *
 * @param multiAz a Multi-AZ deployment (native restores onto it need FULL-recovery backups)
 * @param readReplicaSource the source instance when this is a read replica, else null
 * @param crossRegionReplicas it has read replicas in other regions (native restores are refused)
 */
public record Topology(boolean multiAz, String readReplicaSource, boolean crossRegionReplicas) {

  public static final Topology SINGLE_AZ = new Topology(false, null, false);

  public boolean isReadReplica() {
    return readReplicaSource != null;
  }
}
