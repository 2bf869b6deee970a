package io.rdswatch.bench.agent;

import io.dropwizard.jackson.Jackson;
import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.aws.client.AwsClientFactory;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchConfig;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchPublisher;
import io.rdswatch.exporter.model.FleetSnapshot;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

/**
 * Figure 7: the agent's own CloudWatch publisher, built as production builds it, over the running
 * agent's fleet snapshot, against the harness's WireMock endpoint. A publish starts when the
 * publisher reads the snapshot and ends when its last PutMetricData returns; both moments are taken
 * by thin wrappers around the snapshot supplier and the client, which change nothing else.
 */
final class CloudWatchProbe {

  /** One publish: when it read the snapshot, and each request's datums and end. */
  private static final class Publish {
    final long startNanos;
    final List<Integer> datums = new ArrayList<>();
    long endNanos;

    Publish(long startNanos) {
      this.startNanos = startNanos;
    }
  }

  private final List<Publish> publishes = new ArrayList<>();

  private CloudWatchProbe() {}

  /** Runs {@code count} publishes (after one warm-up) every {@code intervalMillis}. */
  static Map<String, Object> run(
      Supplier<FleetSnapshot> fleet, String endpoint, int count, long intervalMillis)
      throws InterruptedException {
    CloudWatchProbe probe = new CloudWatchProbe();
    CloudWatchConfig config =
        Jackson.newObjectMapper()
            .convertValue(
                Map.of(
                    "enabled",
                    true,
                    "namespace",
                    "RDSWatchBench",
                    "region",
                    "us-east-1",
                    "endpoint",
                    endpoint,
                    "interval",
                    intervalMillis + "ms"),
                CloudWatchConfig.class);
    AwsClientFactory factory =
        new AwsClientFactory(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDBENCH", "bench-secret")),
            AwsRetryStrategy::doNotRetry);
    CloudWatchClient real = factory.cloudWatch(config.location());
    CloudWatchPublisher publisher =
        CloudWatchPublisher.create(
            config, probe.timed(real), probe.timed(fleet), List::of, new CollectorRegistry());
    try {
      publisher.start();
      // a publish is complete once the next one has begun: they run one after another on one thread
      while (probe.started() < count + 2) {
        Thread.sleep(intervalMillis / 4);
      }
    } finally {
      publisher.close();
      real.close();
    }
    return probe.report(count);
  }

  private synchronized int started() {
    return publishes.size();
  }

  private Supplier<FleetSnapshot> timed(Supplier<FleetSnapshot> fleet) {
    return () -> {
      synchronized (this) {
        publishes.add(new Publish(System.nanoTime()));
      }
      return fleet.get();
    };
  }

  private CloudWatchClient timed(CloudWatchClient real) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("putMetricData")
              && args != null
              && args.length == 1
              && args[0] instanceof Consumer<?> c) {
            @SuppressWarnings("unchecked")
            Consumer<PutMetricDataRequest.Builder> mutation =
                (Consumer<PutMetricDataRequest.Builder>) c;
            PutMetricDataRequest request =
                PutMetricDataRequest.builder().applyMutation(mutation).build();
            Object response = real.putMetricData(request);
            synchronized (this) {
              Publish current = publishes.get(publishes.size() - 1);
              current.datums.add(request.metricData().size());
              current.endNanos = System.nanoTime();
            }
            return response;
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (CloudWatchClient)
        Proxy.newProxyInstance(
            CloudWatchClient.class.getClassLoader(),
            new Class<?>[] {CloudWatchClient.class},
            handler);
  }

  /** The complete publishes after the warm-up: datums, requests and milliseconds of each. */
  private synchronized Map<String, Object> report(int count) {
    List<Map<String, Object>> out = new ArrayList<>();
    int requests = 0;
    for (Publish p : publishes) {
      requests += p.datums.size();
    }
    for (Publish p : publishes.subList(1, Math.min(publishes.size() - 1, count + 1))) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("datums", p.datums.stream().mapToInt(Integer::intValue).sum());
      one.put("requests", p.datums.size());
      one.put("largestRequest", p.datums.stream().mapToInt(Integer::intValue).max().orElse(0));
      one.put("wallNanos", p.endNanos - p.startNanos);
      out.add(one);
    }
    return Map.of("publishes", out, "requestsSentInAll", requests);
  }
}
