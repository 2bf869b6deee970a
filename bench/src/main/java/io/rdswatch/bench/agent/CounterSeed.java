package io.rdswatch.bench.agent;

import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.instance.InstanceConfig;
import io.rdswatch.agent.track.FileStateStore;
import io.rdswatch.agent.track.InstanceState;
import io.rdswatch.agent.track.TaskIdSet;
import java.util.Map;

/**
 * Makes the benchmark's /metrics page as big as a long-running agent's. A fresh agent takes its
 * first poll as a baseline and counts nothing from history, so its counters would only hold the few
 * tasks that finish during the run. Seeding each instance with a state that already has a baseline
 * but no settled ids makes the first poll count the whole history, as an agent that had been
 * watching since before it began would have: one series per database, task type and outcome.
 */
final class CounterSeed {

  private CounterSeed() {}

  static int seed(AgentConfiguration config) {
    FileStateStore store = new FileStateStore(config.stateDir());
    InstanceState watchedAllAlong =
        new InstanceState(
            true,
            TaskIdSet.none(),
            null,
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of());
    int seeded = 0;
    for (InstanceConfig i : config.getInstances()) {
      if (store.load(i.getName()).isEmpty()) {
        store.save(i.getName(), watchedAllAlong);
        seeded++;
      }
    }
    return seeded;
  }
}
