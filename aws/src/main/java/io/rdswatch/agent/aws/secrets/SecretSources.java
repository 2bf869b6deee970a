package io.rdswatch.agent.aws.secrets;

import io.rdswatch.agent.aws.client.AwsClientFactory;
import io.rdswatch.agent.aws.client.AwsConfigChecks;
import io.rdswatch.agent.aws.client.AwsLocation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One {@link SecretPasswordSource} per secret ARN, shared by every instance that uses the secret,
 * so a rotation noticed by one poller is fetched once and instance targets built on different
 * discovery refreshes stay equal. Each secret is read in the region its ARN names.
 */
public final class SecretSources implements AutoCloseable {

  private final Function<String, SecretFetcher> fetcherForRegion;
  private final Runnable onClose;
  private final Map<String, SecretFetcher> fetchers = new ConcurrentHashMap<>();
  private final Map<String, SecretPasswordSource> sources = new ConcurrentHashMap<>();

  public SecretSources(Function<String, SecretFetcher> fetcherForRegion, Runnable onClose) {
    this.fetcherForRegion = fetcherForRegion;
    this.onClose = onClose;
  }

  /** One client per region, built on the first secret read there. */
  public static SecretSources create(AwsClientFactory factory, SecretsManagerConfig config) {
    String endpoint = config == null ? null : config.getEndpoint();
    Map<String, SecretsManagerClient> clients = new ConcurrentHashMap<>();
    return new SecretSources(
        region ->
            SecretFetcher.using(
                clients.computeIfAbsent(
                    region,
                    r -> factory.secretsManager(AwsLocation.of(r, endpoint, "secretsManager")))),
        () -> clients.values().forEach(SecretsManagerClient::close));
  }

  /**
   * @throws IllegalArgumentException if arn is not a secret ARN (the message omits the value)
   */
  public SecretPasswordSource forArn(String arn) {
    String region = AwsConfigChecks.secretArnRegion(arn);
    if (region == null) {
      throw new IllegalArgumentException(
          "not a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)");
    }
    SecretFetcher fetcher = fetchers.computeIfAbsent(region, fetcherForRegion);
    return sources.computeIfAbsent(arn, a -> new SecretPasswordSource(a, fetcher));
  }

  @Override
  public void close() {
    onClose.run();
  }
}
