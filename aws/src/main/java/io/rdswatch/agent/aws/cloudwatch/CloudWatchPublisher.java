package io.rdswatch.agent.aws.cloudwatch;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.poll.PollThreads;
import io.rdswatch.exporter.cloudwatch.DatumBatcher;
import io.rdswatch.exporter.cloudwatch.FleetDatums;
import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FleetSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Publishes to CloudWatch once per interval on its own thread, so a slow or failing CloudWatch
 * never holds up polling or /metrics: each interval it asks the source for datums, appends them to
 * a bounded {@link DatumBuffer}, and sends the buffer in as few batches as the batcher allows. A
 * batch that still fails after retries stays buffered for the next interval (with its original
 * timestamp, which CloudWatch accepts for two weeks); the buffer drops its oldest when full.
 */
public final class CloudWatchPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CloudWatchPublisher.class);

  /** This interval's datums. Called on the publisher thread only, so it may keep delta state. */
  @FunctionalInterface
  public interface DatumSource {
    List<MetricDatum> datums(Instant now);
  }

  private final DatumSource source;
  private final Function<List<MetricDatum>, List<List<MetricDatum>>> batcher;
  private final DatumBuffer buffer;
  private final PutMetricDataSender sender;
  private final CloudWatchSelfMetrics metrics;
  private final Clock clock;
  private final Duration interval;
  private final Object publishing = new Object();
  private ScheduledExecutorService thread; // guarded by this

  CloudWatchPublisher(
      DatumSource source,
      Function<List<MetricDatum>, List<List<MetricDatum>>> batcher,
      int bufferSize,
      Duration interval,
      PutMetricDataSender sender,
      CloudWatchSelfMetrics metrics,
      Clock clock) {
    this.source = source;
    this.batcher = batcher;
    this.buffer = new DatumBuffer(bufferSize);
    this.interval = interval;
    this.sender = sender;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Attempts per batch per interval: the SDK legacy default, enough to ride out a brief throttle.
   */
  static final int MAX_ATTEMPTS = 4;

  /**
   * Production wiring: the poller's latest fleet snapshot, plus extra datums (drills; an empty list
   * until they exist), batched by the exporter's {@link DatumBatcher}.
   */
  public static CloudWatchPublisher create(
      CloudWatchConfig config,
      CloudWatchClient client,
      Supplier<FleetSnapshot> fleet,
      Supplier<List<MetricDatum>> extra,
      CollectorRegistry registry) {
    return create(config, client, fleet, extra, Map::of, registry);
  }

  /**
   * @param seeds TaskFailures baselines of instances not published yet ({@link FailureSeeds})
   */
  public static CloudWatchPublisher create(
      CloudWatchConfig config,
      CloudWatchClient client,
      Supplier<FleetSnapshot> fleet,
      Supplier<List<MetricDatum>> extra,
      Supplier<Map<String, Map<FailureKey, Long>>> seeds,
      CollectorRegistry registry) {
    CloudWatchSelfMetrics metrics = new CloudWatchSelfMetrics(registry);
    PutMetricDataSender sender =
        new PutMetricDataSender(
            client,
            config.getNamespace(),
            MAX_ATTEMPTS,
            Backoff.standard(),
            d -> Thread.sleep(d.toMillis()),
            metrics);
    return new CloudWatchPublisher(
        new FleetDatumSource(fleet, new FleetDatums(config.metricSet()), extra, seeds),
        new DatumBatcher()::batches,
        config.getBufferSize(),
        Duration.ofMillis(config.getInterval().toMilliseconds()),
        sender,
        metrics,
        Clock.systemUTC());
  }

  /** One interval's work. Runs on the publisher thread; tests call it directly. */
  void publishOnce() throws InterruptedException {
    synchronized (publishing) {
      publishBuffered();
    }
  }

  private void publishBuffered() throws InterruptedException {
    metrics.dropped(buffer.add(source.datums(clock.instant())));
    for (List<MetricDatum> batch : batcher.apply(buffer.contents())) {
      PutMetricDataSender.Outcome outcome = sender.send(batch);
      if (outcome == PutMetricDataSender.Outcome.FAILED) {
        return; // CloudWatch is unwell: the rest waits in the buffer for the next interval
      }
      buffer.removeOldest(batch.size());
      if (outcome == PutMetricDataSender.Outcome.SENT) {
        metrics.sent(batch.size(), clock.instant());
      } else {
        metrics.dropped(batch.size());
      }
    }
  }

  int buffered() {
    synchronized (publishing) {
      return buffer.size();
    }
  }

  /** Starts publishing every interval, the first after one interval; returns at once. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    thread = Executors.newSingleThreadScheduledExecutor(PollThreads.named("rdswatch-cloudwatch"));
    long ms = interval.toMillis();
    thread.scheduleAtFixedRate(this::publishQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void publishQuietly() {
    try {
      publishOnce();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // close() is stopping us
    } catch (RuntimeException e) {
      // Never let one bad interval cancel the schedule.
      LOG.error("CloudWatch publish failed unexpectedly", e);
    }
  }

  /** How long the last publish at shutdown may take: systemd gives the whole stop 30 s. */
  static final Duration FINAL_FLUSH = Duration.ofSeconds(5);

  /**
   * Stops the thread (abandoning any in-flight retry wait), then publishes what is buffered once
   * more, given up after {@link #FINAL_FLUSH}: a restart then loses at most that last attempt.
   */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = thread;
      thread = null;
    }
    if (t != null) {
      t.shutdownNow();
      try {
        t.awaitTermination(5, TimeUnit.SECONDS);
        flushOnce(FINAL_FLUSH);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void flushOnce(Duration bound) throws InterruptedException {
    Thread last = PollThreads.named("rdswatch-cloudwatch-flush").newThread(this::publishQuietly);
    last.start();
    last.join(bound.toMillis());
    if (last.isAlive()) {
      last.interrupt();
      LOG.warn(
          "CloudWatch: the last publish at shutdown did not finish within {}s; {} datums not sent",
          bound.toSeconds(),
          buffer.size());
    }
  }
}
