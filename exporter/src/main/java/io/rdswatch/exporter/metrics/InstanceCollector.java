package io.rdswatch.exporter.metrics;

import io.rdswatch.exporter.model.FleetSnapshot;
import io.rdswatch.exporter.model.InstanceSnapshot;
import java.util.List;
import java.util.function.Supplier;

/**
 * A collector whose every sample belongs to one instance and carries rds_instance as its first
 * label. Its families over a fleet are, sample for sample, the concatenation in fleet order (by
 * name) of its families over each instance alone, so a /metrics page can keep each instance's block
 * for as long as that instance's snapshot is current and copy it into the page (bench figure 3).
 * The same code turns a snapshot into samples either way: {@link #familiesOf}.
 */
public abstract class InstanceCollector extends SnapshotCollector {

  protected InstanceCollector(Supplier<FleetSnapshot> fleet) {
    super(fleet);
  }

  /**
   * One instance's block: the families of {@link #describe()}, in that order, holding this
   * instance's samples only (a family may hold none).
   */
  public final List<MetricFamilySamples> samplesOf(InstanceSnapshot instance) {
    return familiesOf(List.of(instance));
  }

  @Override
  protected final List<MetricFamilySamples> families(FleetSnapshot snapshot) {
    return familiesOf(snapshot.instances());
  }

  /** Builds new families from these instances' snapshots; must not keep or mutate anything. */
  protected abstract List<MetricFamilySamples> familiesOf(List<InstanceSnapshot> instances);
}
