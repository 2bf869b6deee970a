package io.rdswatch.agent.aws.client;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds every AWS SDK v2 client rdswatch uses, configured one way: the URL-connection HTTP client
 * set explicitly (the SDK modules drag in other HTTP clients it could otherwise pick between),
 * bounded timeouts, and the default credential and region chains unless told otherwise.
 *
 * <p>Retries: RDS and Secrets Manager use the SDK's standard retry strategy (exponential backoff
 * with jitter, longer base delay for throttling). CloudWatch gets no SDK retries, because the
 * publisher runs its own backoff loop that counts each attempt and keeps unsent datums buffered.
 */
public final class AwsClientFactory {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(20);
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(25);
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  /** Only used to sign requests to an endpoint override when no region is configured anywhere. */
  private static final Region SIGNING_FALLBACK = Region.US_EAST_1;

  private final AwsCredentialsProvider credentials;
  private final Supplier<RetryStrategy> sdkRetries;

  public AwsClientFactory(AwsCredentialsProvider credentials, Supplier<RetryStrategy> sdkRetries) {
    this.credentials = credentials;
    this.sdkRetries = sdkRetries;
  }

  /** Default credential chain (env, profile, web identity, container, instance role). */
  public static AwsClientFactory production() {
    return new AwsClientFactory(
        DefaultCredentialsProvider.builder().build(), AwsRetryStrategy::standardRetryStrategy);
  }

  public CloudWatchClient cloudWatch(AwsLocation where) {
    return configure(CloudWatchClient.builder(), where, AwsRetryStrategy.doNotRetry()).build();
  }

  public RdsClient rds(AwsLocation where) {
    return configure(RdsClient.builder(), where, sdkRetries.get()).build();
  }

  public SecretsManagerClient secretsManager(AwsLocation where) {
    return configure(SecretsManagerClient.builder(), where, sdkRetries.get()).build();
  }

  private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
      B builder, AwsLocation where, RetryStrategy retries) {
    builder
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT))
        .credentialsProvider(credentials)
        .region(region(where))
        .overrideConfiguration(
            o ->
                o.retryStrategy(retries)
                    .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                    .apiCallTimeout(CALL_TIMEOUT));
    if (where.endpoint() != null) {
      builder.endpointOverride(where.endpoint());
    }
    return builder;
  }

  static Region region(AwsLocation where) {
    if (where.region() != null) {
      return Region.of(where.region());
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      if (where.endpoint() != null) {
        return SIGNING_FALLBACK;
      }
      throw new AwsSetupException(
          where.what()
              + ": no AWS region configured and the SDK region chain found none"
              + " (set "
              + where.what()
              + ".region, or AWS_REGION)");
    }
  }
}
