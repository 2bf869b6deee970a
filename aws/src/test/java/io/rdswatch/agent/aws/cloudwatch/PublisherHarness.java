package io.rdswatch.agent.aws.cloudwatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.aws.AwsFakes;
import io.rdswatch.agent.aws.client.AwsLocation;
import io.rdswatch.exporter.cloudwatch.DatumBatcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * WireMock CloudWatch, a client pointed at it, and publishers whose backoff sleeps are recorded.
 */
final class PublisherHarness implements AutoCloseable {

  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  final WireMockServer aws = AwsFakes.wireMock();
  final CollectorRegistry registry = new CollectorRegistry();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final CloudWatchClient client =
      AwsFakes.factory()
          .cloudWatch(new AwsLocation("eu-west-1", URI.create(aws.baseUrl()), "cloudwatch"));

  /** Jitter pinned to its maximum, so each recorded sleep is the exponential cap itself. */
  CloudWatchPublisher publisher(
      CloudWatchPublisher.DatumSource source, int bufferSize, Duration interval) {
    CloudWatchSelfMetrics metrics = new CloudWatchSelfMetrics(registry);
    Backoff backoff =
        new Backoff(
            Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 1.0);
    PutMetricDataSender sender =
        new PutMetricDataSender(
            client, "RDSWatch", CloudWatchPublisher.MAX_ATTEMPTS, backoff, sleeps::add, metrics);
    return new CloudWatchPublisher(
        source,
        new DatumBatcher()::batches,
        bufferSize,
        interval,
        sender,
        metrics,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  CloudWatchPublisher publisher(CloudWatchPublisher.DatumSource source, int bufferSize) {
    return publisher(source, bufferSize, Duration.ofSeconds(60));
  }

  double metric(String name) {
    Double v = registry.getSampleValue(name);
    return v == null ? Double.NaN : v;
  }

  double requests(String result) {
    Double v =
        registry.getSampleValue(
            "rdswatch_cloudwatch_requests_total", new String[] {"result"}, new String[] {result});
    return v == null ? Double.NaN : v;
  }

  @Override
  public void close() {
    client.close();
    aws.stop();
  }
}
