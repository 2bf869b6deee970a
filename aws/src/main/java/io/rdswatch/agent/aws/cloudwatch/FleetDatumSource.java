package io.rdswatch.agent.aws.cloudwatch;

import io.rdswatch.exporter.cloudwatch.FailureBaseline;
import io.rdswatch.exporter.cloudwatch.FleetDatums;
import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FleetSnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * The datums of one publish from the poller's latest snapshot plus any extra datums (the drill
 * runner's, once it supplies them), keeping the TaskFailures baseline between publishes. The
 * baseline advances even when sending fails, because the failure datums wait in the buffer.
 */
final class FleetDatumSource implements CloudWatchPublisher.DatumSource {

  private final Supplier<FleetSnapshot> fleet;
  private final FleetDatums builder;
  private final Supplier<List<MetricDatum>> extra;
  private final Supplier<Map<String, Map<FailureKey, Long>>> seeds;
  private FailureBaseline baseline = FailureBaseline.none();

  FleetDatumSource(
      Supplier<FleetSnapshot> fleet, FleetDatums builder, Supplier<List<MetricDatum>> extra) {
    this(fleet, builder, extra, Map::of);
  }

  /**
   * @param seeds counters at join of instances not published yet (see {@link FailureSeeds})
   */
  FleetDatumSource(
      Supplier<FleetSnapshot> fleet,
      FleetDatums builder,
      Supplier<List<MetricDatum>> extra,
      Supplier<Map<String, Map<FailureKey, Long>>> seeds) {
    this.fleet = fleet;
    this.builder = builder;
    this.extra = extra;
    this.seeds = seeds;
  }

  @Override
  public List<MetricDatum> datums(Instant now) {
    Map<String, Map<FailureKey, Long>> from = new HashMap<>(seeds.get());
    from.putAll(baseline.byInstance()); // an instance published before keeps its real baseline
    FleetDatums.Publication publication =
        builder.build(fleet.get(), new FailureBaseline(from), now, extra.get());
    baseline = publication.nextBaseline();
    return publication.datums();
  }
}
