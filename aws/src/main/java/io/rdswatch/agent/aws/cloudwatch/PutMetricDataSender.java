package io.rdswatch.agent.aws.cloudwatch;

import io.rdswatch.agent.aws.client.AwsErrors;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Sends one batch with PutMetricData, retrying throttling, 5xx and network errors with {@link
 * Backoff}. This is rdswatch's own loop (the client has SDK retries off) so that every attempt is
 * counted by result and the caller decides what stays buffered.
 */
final class PutMetricDataSender {

  private static final Logger LOG = LoggerFactory.getLogger(PutMetricDataSender.class);

  enum Outcome {
    SENT,
    /** CloudWatch will never accept this batch (invalid request): drop it. */
    REJECTED,
    /**
     * Still failing after all attempts, or a credentials problem: keep it for the next interval.
     */
    FAILED
  }

  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final CloudWatchClient client;
  private final String namespace;
  private final int maxAttempts;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final CloudWatchSelfMetrics metrics;

  PutMetricDataSender(
      CloudWatchClient client,
      String namespace,
      int maxAttempts,
      Backoff backoff,
      Sleeper sleeper,
      CloudWatchSelfMetrics metrics) {
    this.client = client;
    this.namespace = namespace;
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.metrics = metrics;
  }

  Outcome send(List<MetricDatum> batch) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        client.putMetricData(r -> r.namespace(namespace).metricData(batch));
        metrics.request(CloudWatchSelfMetrics.SUCCESS);
        return Outcome.SENT;
      } catch (SdkException e) {
        AwsErrors.Kind kind = AwsErrors.classify(e);
        metrics.request(kind.label());
        if (kind == AwsErrors.Kind.CLIENT_ERROR) {
          LOG.error(
              "CloudWatch rejected {} datums, dropping them: {}",
              batch.size(),
              AwsErrors.describe(e));
          return Outcome.REJECTED;
        }
        if (!kind.retryable() || attempt >= maxAttempts) {
          LOG.warn(
              "PutMetricData failed after {} attempt(s), keeping {} datums buffered: {}",
              attempt,
              batch.size(),
              AwsErrors.describe(e));
          return Outcome.FAILED;
        }
        sleeper.sleep(backoff.delay(attempt, kind == AwsErrors.Kind.THROTTLED));
      }
    }
  }
}
