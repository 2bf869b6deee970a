package io.rdswatch.agent.aws;

import io.dropwizard.lifecycle.Managed;
import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.aws.client.AwsClientFactory;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchConfig;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchPublisher;
import io.rdswatch.agent.aws.discovery.CombinedInstanceSource;
import io.rdswatch.agent.aws.discovery.DiscoveryConfig;
import io.rdswatch.agent.aws.discovery.DiscoveryService;
import io.rdswatch.agent.aws.discovery.InstanceStatusCollector;
import io.rdswatch.agent.aws.secrets.SecretSources;
import io.rdswatch.agent.aws.secrets.SecretsManagerConfig;
import io.rdswatch.agent.feature.ConfigException;
import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.exporter.model.FailureKey;
import io.rdswatch.exporter.model.FleetSnapshot;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Everything AWS for one agent: Secrets Manager password sources, RDS discovery, and the CloudWatch
 * publisher, each only if configured. Manage it before the poller, so discovery's first refresh
 * (and the name-clash check) happens before the first poll. Nothing talks to AWS until start().
 */
public final class AwsIntegration implements Managed, AutoCloseable {

  private final CloudWatchConfig cloudWatch;
  private final AwsClientFactory factory;
  private final CollectorRegistry registry;
  private final SecretSources secrets;
  private final DiscoveryService discovery;
  private CombinedInstanceSource source;
  private Supplier<FleetSnapshot> fleet;
  private Supplier<List<MetricDatum>> extraDatums = List::of;
  private Supplier<Map<String, Map<FailureKey, Long>>> failureSeeds = Map::of;
  private CloudWatchClient cloudWatchClient;
  private CloudWatchPublisher publisher;

  public AwsIntegration(
      CloudWatchConfig cloudWatch,
      DiscoveryConfig discovery,
      SecretsManagerConfig secretsManager,
      AwsClientFactory factory,
      CollectorRegistry registry) {
    this.cloudWatch = cloudWatch;
    this.factory = factory;
    this.registry = registry;
    this.secrets = SecretSources.create(factory, secretsManager);
    this.discovery =
        discovery != null && discovery.isEnabled()
            ? DiscoveryService.create(discovery.getAws(), factory, secrets, registry)
            : null;
    if (this.discovery == null) {
      InstanceStatusCollector.registerEmpty(registry);
    }
  }

  /** Password sources for secret ARNs, shared per ARN (static instances' passwordSecretArn). */
  public Function<String, PasswordSource> secrets() {
    return secrets::forArn;
  }

  /** The static targets, then the discovered ones (read live on every call). */
  public synchronized InstanceSource instanceSource(List<InstanceTarget> statics) {
    source = new CombinedInstanceSource(statics, discovery == null ? List::of : discovery::current);
    return source;
  }

  /**
   * What to publish: the poller's latest snapshot, plus extra datums (the drill runner's
   * DrillSuccess/DrillRestoreSeconds; nothing until it supplies them). Call before start().
   */
  public synchronized void publishFrom(
      Supplier<FleetSnapshot> fleet, Supplier<List<MetricDatum>> extra) {
    this.fleet = fleet;
    this.extraDatums = extra;
  }

  /** As above, with the failure counters instances had when they joined ({@code FailureSeeds}). */
  public synchronized void publishFrom(
      Supplier<FleetSnapshot> fleet,
      Supplier<List<MetricDatum>> extra,
      Supplier<Map<String, Map<FailureKey, Long>>> seeds) {
    publishFrom(fleet, extra);
    this.failureSeeds = seeds;
  }

  /** One discovery refresh now, for `check`; returns the name clashes as config errors. */
  public synchronized List<String> discoverOnce() {
    if (discovery != null) {
      discovery.refreshNow();
    }
    return source == null ? List.of() : source.clashes();
  }

  @Override
  public synchronized void start() throws ConfigException {
    if (discovery != null) {
      discovery.start();
      List<String> clashes = source == null ? List.of() : source.clashes();
      if (!clashes.isEmpty()) {
        discovery.close();
        throw new ConfigException("discovery", clashes);
      }
    }
    if (cloudWatch != null && cloudWatch.isEnabled() && fleet != null) {
      cloudWatchClient = factory.cloudWatch(cloudWatch.location());
      publisher =
          CloudWatchPublisher.create(
              cloudWatch, cloudWatchClient, fleet, extraDatums, failureSeeds, registry);
      publisher.start();
    }
  }

  @Override
  public synchronized void stop() {
    if (publisher != null) {
      publisher.close();
    }
    if (cloudWatchClient != null) {
      cloudWatchClient.close();
    }
    if (discovery != null) {
      discovery.close();
    }
    secrets.close();
  }

  @Override
  public void close() {
    stop();
  }
}
