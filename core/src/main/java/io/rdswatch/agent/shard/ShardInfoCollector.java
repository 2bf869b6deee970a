package io.rdswatch.agent.shard;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;

/**
 * rdswatch_shard_info{shard,shards} 1: which share of the fleet this agent owns. The shard lives
 * here, never as a label on the task series, so a series keeps its identity when the shard count
 * changes and an instance moves to another agent.
 */
public final class ShardInfoCollector extends Collector implements Collector.Describable {

  private final ShardConfig shard;

  public ShardInfoCollector(ShardConfig shard) {
    this.shard = shard;
  }

  @Override
  public List<MetricFamilySamples> collect() {
    GaugeMetricFamily info =
        new GaugeMetricFamily(
            "rdswatch_shard_info",
            "Always 1; this agent's shard index and the shard count (0 of 1: one agent owns every instance).",
            List.of("shard", "shards"));
    info.addMetric(List.of(Integer.toString(shard.index()), Integer.toString(shard.count())), 1);
    return List.of(info);
  }

  @Override
  public List<MetricFamilySamples> describe() {
    return collect();
  }
}
