package io.rdswatch.agent.aws.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.rdswatch.agent.aws.cloudwatch.CloudWatchPublisherTest.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.client.Collector;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CloudWatchOutageTest {

  private final PublisherHarness h = new PublisherHarness();

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void throttlingIsRetriedWithTheLongerBackoffUntilItSucceeds() throws Exception {
    h.aws.stubFor(
        CloudWatchCbor.put()
            .inScenario("t")
            .whenScenarioStateIs(STARTED)
            .willReturn(CloudWatchCbor.error(400, "Throttling", "Rate exceeded"))
            .willSetStateTo("again"));
    h.aws.stubFor(
        CloudWatchCbor.put()
            .inScenario("t")
            .whenScenarioStateIs("again")
            .willReturn(CloudWatchCbor.error(400, "Throttling", "Rate exceeded"))
            .willSetStateTo("ok"));
    h.aws.stubFor(
        CloudWatchCbor.put()
            .inScenario("t")
            .whenScenarioStateIs("ok")
            .willReturn(CloudWatchCbor.ok()));
    CloudWatchPublisher publisher = h.publisher(now -> numbered(0, 10), 5000);

    publisher.publishOnce();

    assertThat(CloudWatchCbor.puts(h.aws)).hasSize(3);
    // Each attempt is one SDK attempt: the retries are rdswatch's loop, not the SDK's.
    h.aws.verify(
        3,
        postRequestedFor(urlEqualTo(CloudWatchCbor.PUT_PATH))
            .withHeader("amz-sdk-request", containing("attempt=1")));
    assertThat(h.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(h.requests("throttled")).isEqualTo(2);
    assertThat(h.requests("success")).isEqualTo(1);
    assertThat(h.metric("rdswatch_cloudwatch_datums_total")).isEqualTo(10);
    assertThat(publisher.buffered()).isZero();
  }

  @Test
  void a503IsRetriedThenTheBatchWaitsInTheBufferForTheNextInterval() throws Exception {
    h.aws.stubFor(
        CloudWatchCbor.put().willReturn(CloudWatchCbor.error(503, "ServiceUnavailable", "down")));
    AtomicInteger interval = new AtomicInteger();
    CloudWatchPublisher publisher =
        h.publisher(now -> numbered(interval.getAndIncrement() * 10, 10), 5000);

    publisher.publishOnce();

    assertThat(CloudWatchCbor.puts(h.aws)).hasSize(CloudWatchPublisher.MAX_ATTEMPTS);
    assertThat(h.sleeps)
        .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
    assertThat(h.requests("server_error")).isEqualTo(4);
    assertThat(h.metric("rdswatch_cloudwatch_last_success_timestamp_seconds")).isZero();
    assertThat(publisher.buffered()).isEqualTo(10);

    h.aws.resetRequests();
    h.aws.stubFor(CloudWatchCbor.put().willReturn(CloudWatchCbor.ok()));
    publisher.publishOnce();

    assertThat(CloudWatchCbor.datums(h.aws))
        .extracting(d -> d.get("Value").asInt())
        .as("the held datums first, with their own timestamps, then the new ones")
        .containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
    assertThat(CloudWatchCbor.datums(h.aws).get(0).get("Timestamp").asLong())
        .isEqualTo(PublisherHarness.NOW.getEpochSecond());
    assertThat(h.metric("rdswatch_cloudwatch_datums_dropped_total")).isZero();
    assertThat(publisher.buffered()).isZero();
  }

  @Test
  void anOutageLongerThanTheBufferDropsTheOldestAndCountsThem() throws Exception {
    h.aws.stubFor(
        CloudWatchCbor.put().willReturn(CloudWatchCbor.error(500, "InternalFailure", "oops")));
    AtomicInteger interval = new AtomicInteger();
    CloudWatchPublisher publisher =
        h.publisher(now -> numbered(interval.getAndIncrement() * 1000, 1000), 2500);

    for (int i = 0; i < 4; i++) {
      publisher.publishOnce();
      assertThat(publisher.buffered()).isLessThanOrEqualTo(2500);
    }
    assertThat(h.metric("rdswatch_cloudwatch_datums_dropped_total")).isEqualTo(1500);
    assertThat(publisher.buffered()).isEqualTo(2500);

    h.aws.resetRequests();
    h.aws.stubFor(CloudWatchCbor.put().willReturn(CloudWatchCbor.ok()));
    publisher.publishOnce();

    assertThat(h.metric("rdswatch_cloudwatch_datums_dropped_total")).isEqualTo(2500);
    assertThat(CloudWatchCbor.puts(h.aws))
        .extracting(p -> p.datums().size())
        .containsExactly(1000, 1000, 500);
    assertThat(CloudWatchCbor.datums(h.aws))
        .extracting(d -> d.get("Value").asInt())
        .as("the newest 2,500 of the 5,000 produced")
        .containsExactlyElementsOf(IntStream.range(2500, 5000).boxed().toList());
    assertThat(h.metric("rdswatch_cloudwatch_datums_total")).isEqualTo(2500);
  }

  @Test
  void aBatchCloudWatchCallsInvalidIsDroppedAndCountedWithoutRetry() throws Exception {
    h.aws.stubFor(
        CloudWatchCbor.put()
            .willReturn(CloudWatchCbor.error(400, "InvalidParameterValue", "bad value")));
    CloudWatchPublisher publisher = h.publisher(now -> numbered(0, 10), 5000);

    publisher.publishOnce();

    assertThat(CloudWatchCbor.puts(h.aws)).hasSize(1);
    assertThat(h.sleeps).isEmpty();
    assertThat(h.requests("client_error")).isEqualTo(1);
    assertThat(h.metric("rdswatch_cloudwatch_datums_dropped_total")).isEqualTo(10);
    assertThat(publisher.buffered()).isZero();
  }

  @Test
  void deniedCredentialsAreNotRetriedNowButTheDatumsStayForLater() throws Exception {
    h.aws.stubFor(
        CloudWatchCbor.put()
            .willReturn(CloudWatchCbor.error(403, "AccessDenied", "no cloudwatch:PutMetricData")));
    CloudWatchPublisher publisher = h.publisher(now -> numbered(0, 10), 5000);

    publisher.publishOnce();

    assertThat(CloudWatchCbor.puts(h.aws)).hasSize(1);
    assertThat(h.requests("auth_error")).isEqualTo(1);
    assertThat(publisher.buffered()).isEqualTo(10);
  }

  @Test
  void aSlowCloudWatchBlocksNeitherTheCallerNorAScrape() throws Exception {
    h.aws.stubFor(CloudWatchCbor.put().willReturn(CloudWatchCbor.ok().withFixedDelay(1500)));
    AtomicInteger built = new AtomicInteger();
    CloudWatchPublisher publisher =
        h.publisher(
            now -> {
              built.incrementAndGet();
              return numbered(0, 5);
            },
            5000,
            Duration.ofMillis(20));

    long t0 = System.nanoTime();
    publisher.start();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(200));
    await().atMost(Duration.ofSeconds(5)).until(() -> built.get() > 0);

    // The publisher thread now waits on CloudWatch; a scrape of its registry does not.
    long t1 = System.nanoTime();
    List<Collector.MetricFamilySamples> scraped =
        Collections.list(h.registry.metricFamilySamples());
    assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofMillis(200));
    assertThat(scraped).isNotEmpty();
    assertThat(h.metric("rdswatch_cloudwatch_datums_total")).as("still in flight").isZero();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> h.metric("rdswatch_cloudwatch_datums_total") > 0);
    publisher.close();
  }

  @Test
  void shutdownPublishesWhatIsBufferedOnce() throws Exception {
    h.aws.stubFor(CloudWatchCbor.put().willReturn(CloudWatchCbor.ok()));
    CloudWatchPublisher publisher = h.publisher(now -> numbered(0, 5), 5000, Duration.ofHours(1));
    publisher.start();

    publisher.close();

    assertThat(CloudWatchCbor.puts(h.aws)).hasSize(1);
    assertThat(publisher.buffered()).isZero();
  }

  @Test
  void aHangingCloudWatchHoldsShutdownNoLongerThanTheBound() throws Exception {
    h.aws.stubFor(CloudWatchCbor.put().willReturn(CloudWatchCbor.ok().withFixedDelay(60_000)));
    CloudWatchPublisher publisher = h.publisher(now -> numbered(0, 5), 5000, Duration.ofHours(1));
    publisher.start();

    long t0 = System.nanoTime();
    publisher.close();

    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(CloudWatchPublisher.FINAL_FLUSH.minusMillis(100))
        .isLessThan(CloudWatchPublisher.FINAL_FLUSH.plusSeconds(3));
    assertThat(CloudWatchCbor.puts(h.aws)).as("one attempt, not a retry loop").hasSize(1);
  }
}
