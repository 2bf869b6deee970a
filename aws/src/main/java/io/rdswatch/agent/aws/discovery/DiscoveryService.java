package io.rdswatch.agent.aws.discovery;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.aws.client.AwsClientFactory;
import io.rdswatch.agent.aws.secrets.SecretSources;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.poll.PollThreads;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Runs {@link RdsDiscovery} now and then every {@code refresh}, on its own daemon thread, and owns
 * the per-region RDS clients. The poller reads {@link #current()} through an InstanceSource.
 */
public final class DiscoveryService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryService.class);

  private final RdsDiscovery discovery;
  private final long refreshMillis;
  private final Runnable closeClients;
  private ScheduledExecutorService scheduler;

  DiscoveryService(
      AwsDiscoveryConfig config,
      Function<String, RdsClient> clients,
      Runnable closeClients,
      SecretSources secrets,
      CollectorRegistry registry) {
    this.discovery =
        new RdsDiscovery(
            config,
            clients,
            new LoginResolver(config.getCredentials(), secrets),
            new DiscoveryMetrics(registry, config.getRegions()));
    registry.register(new InstanceStatusCollector(discovery::statuses));
    this.refreshMillis = config.getRefresh().toMilliseconds();
    this.closeClients = closeClients;
  }

  public static DiscoveryService create(
      AwsDiscoveryConfig config,
      AwsClientFactory factory,
      SecretSources secrets,
      CollectorRegistry registry) {
    Map<String, RdsClient> clients = new ConcurrentHashMap<>();
    return new DiscoveryService(
        config,
        region -> clients.computeIfAbsent(region, r -> factory.rds(config.location(r))),
        () -> clients.values().forEach(RdsClient::close),
        secrets,
        registry);
  }

  public List<InstanceTarget> current() {
    return discovery.current();
  }

  /** One refresh on the caller's thread; returns the resulting list. */
  public List<InstanceTarget> refreshNow() {
    return discovery.refresh();
  }

  /** Refreshes once before returning (so the first poll has targets), then in the background. */
  public synchronized void start() {
    refreshNow();
    scheduler = Executors.newSingleThreadScheduledExecutor(PollThreads.named("rdswatch-discovery"));
    scheduler.scheduleWithFixedDelay(
        this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
  }

  private void refreshQuietly() {
    try {
      discovery.refresh();
    } catch (RuntimeException e) {
      // A bug here must not kill the schedule: the next refresh may well succeed.
      LOG.error("discovery refresh failed unexpectedly", e);
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    closeClients.run();
  }
}
