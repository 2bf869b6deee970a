package io.rdswatch.agent.aws;

import io.rdswatch.agent.aws.client.AwsClientFactory;
import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.StaticInstanceSource;
import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.instance.InstanceTarget;
import java.util.List;

/**
 * The targets of a config for one-shot commands (check, tasks): static instances, with their
 * Secrets Manager passwords, plus one discovery refresh if discovery is configured.
 */
public final class AwsTargets implements AutoCloseable {

  private final AgentConfiguration config;
  private final AwsClientFactory factory;
  private final AwsIntegration aws;
  private final InstanceSource source;
  private List<String> clashes;

  public AwsTargets(AgentConfiguration config, AwsClientFactory factory) {
    this.config = config;
    this.factory = factory;
    // A private registry: a one-shot command exports nothing.
    this.aws = new AwsIntegration(config.getCloudwatch(), config.getDiscovery(), config.getSecretsManager(),
        factory, new CollectorRegistry());
    this.source = aws.instanceSource(new StaticInstanceSource(config.getInstances(), aws.secrets()).targets());
  }

  public static AwsTargets production(AgentConfiguration config) {
    return new AwsTargets(config, AwsClientFactory.production());
  }

  /** Static, then discovered (refreshed once, on the first call); name clashes are left out. */
  public synchronized List<InstanceTarget> targets() {
    if (clashes == null) {
      clashes = aws.discoverOnce();
    }
    return source.targets();
  }

  /** Discovered instances skipped for a name clash, as config errors. */
  public synchronized List<String> clashes() {
    targets();
    return clashes;
  }

  /** CloudWatch and discovery reachability with the configured credentials. */
  public List<AwsReachability.Result> reachability() {
    return new AwsReachability(factory).check(config.getCloudwatch(), config.getDiscovery());
  }

  @Override
  public void close() {
    aws.close();
  }
}
