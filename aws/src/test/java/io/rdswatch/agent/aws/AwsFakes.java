package io.rdswatch.agent.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.dropwizard.jackson.Jackson;
import io.rdswatch.agent.aws.client.AwsClientFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * Test wiring for AWS: static fake credentials (so the SDK never probes env, ~/.aws or IMDS),
 * WireMock on loopback, and YAML binding the way the agent's config loader does it.
 */
public final class AwsFakes {

  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "fake-secret-key"));

  private static final ObjectMapper YAML =
      Jackson.newObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private AwsFakes() {}

  /** SDK retries off: tests that need retries exercise rdswatch's own loop or count attempts. */
  public static AwsClientFactory factory() {
    return new AwsClientFactory(CREDENTIALS, AwsRetryStrategy::doNotRetry);
  }

  /**
   * Fake keys where the SDK's default chain looks first (system properties), for an agent built
   * with production wiring; so it never probes env, ~/.aws or IMDS either. Undo with {@link
   * #clearSystemCredentials}.
   */
  public static void setSystemCredentials() {
    System.setProperty("aws.accessKeyId", "AKIDSYSTEM");
    System.setProperty("aws.secretAccessKey", "system-fake-secret");
  }

  public static void clearSystemCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  public static WireMockServer wireMock() {
    WireMockServer server =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    return server;
  }

  public static <T> T yaml(String text, Class<T> type) {
    try {
      return YAML.readValue(text, type);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
