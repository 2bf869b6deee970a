package io.rdswatch.agent.shard;

import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.instance.InstanceTarget;
import java.util.List;

/**
 * The share of another source's instances this agent owns. It filters whatever the source answers,
 * static and discovered alike, on every refresh, so discovery's new instances land on one shard.
 */
public final class ShardedInstanceSource implements InstanceSource {

  private final InstanceSource all;
  private final ShardConfig shard;

  public ShardedInstanceSource(InstanceSource all, ShardConfig shard) {
    this.all = all;
    this.shard = shard;
  }

  public boolean owns(String instanceName) {
    return Rendezvous.owner(instanceName, shard.count()) == shard.index();
  }

  @Override
  public List<InstanceTarget> targets() {
    List<InstanceTarget> targets = all.targets();
    return shard.isSharded() ? targets.stream().filter(t -> owns(t.name())).toList() : targets;
  }
}
