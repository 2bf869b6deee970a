package io.rdswatch.agent.aws.cloudwatch;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.rdswatch.agent.aws.client.AwsErrors;
import java.time.Instant;

/** The publisher's own metrics on /metrics. */
final class CloudWatchSelfMetrics {

  static final String SUCCESS = "success";

  private final Counter requests =
      Counter.build()
          .name("rdswatch_cloudwatch_requests_total")
          .help("PutMetricData attempts (each retry counts) by result")
          .labelNames("result")
          .create();
  private final Counter datums =
      Counter.build()
          .name("rdswatch_cloudwatch_datums_total")
          .help("Datums CloudWatch accepted")
          .create();
  private final Counter dropped =
      Counter.build()
          .name("rdswatch_cloudwatch_datums_dropped_total")
          .help(
              "Datums discarded: the oldest when the buffer overflowed, or a batch CloudWatch rejected as invalid")
          .create();
  private final Gauge lastSuccess =
      Gauge.build()
          .name("rdswatch_cloudwatch_last_success_timestamp_seconds")
          .help("Unix time of the last PutMetricData CloudWatch accepted; 0 until then")
          .create();

  CloudWatchSelfMetrics(CollectorRegistry registry) {
    requests.labels(SUCCESS);
    for (AwsErrors.Kind kind : AwsErrors.Kind.values()) {
      requests.labels(kind.label());
    }
    registry.register(requests);
    registry.register(datums);
    registry.register(dropped);
    registry.register(lastSuccess);
  }

  void request(String result) {
    requests.labels(result).inc();
  }

  void sent(int count, Instant at) {
    datums.inc(count);
    lastSuccess.set(at.toEpochMilli() / 1000.0);
  }

  void dropped(int count) {
    if (count > 0) {
      dropped.inc(count);
    }
  }
}
