package io.rdswatch.agent.track;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A state store that counts its failed saves as rdswatch_state_save_errors_total. A failed save
 * only delays counting (the next good save catches up), so without this number a stateDir that
 * became unwritable would show nowhere but the log.
 */
public final class CountingStateStore extends Collector implements StateStore {

  private final StateStore store;
  private final AtomicLong errors = new AtomicLong();

  public CountingStateStore(StateStore store) {
    this.store = store;
  }

  @Override
  public Optional<InstanceState> load(String instance) {
    return store.load(instance);
  }

  @Override
  public void save(String instance, InstanceState state) {
    try {
      store.save(instance, state);
    } catch (RuntimeException e) {
      errors.incrementAndGet();
      throw e;
    }
  }

  @Override
  public List<MetricFamilySamples> collect() {
    return List.of(
        new CounterMetricFamily(
            "rdswatch_state_save_errors_total",
            "Saves of per-instance tracker state to stateDir that failed",
            errors.get()));
  }
}
