package io.rdswatch.agent.aws;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.aws.client.AwsClientFactory;
import io.rdswatch.agent.instance.InstanceConfig;
import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.StaticInstanceSource;
import java.util.List;

/**
 * The targets of a config for one-shot commands (check, tasks): static instances, with their
 * Secrets Manager passwords, plus one discovery refresh if discovery is configured.
 */
public final class AwsTargets implements AutoCloseable {

  private final AwsSections config;
  private final AwsClientFactory factory;
  private final AwsIntegration aws;
  private final InstanceSource source;
  private List<String> clashes;

  /**
   * @param config the file's AWS sections
   * @param instances the file's static instances
   */
  public AwsTargets(AwsSections config, List<InstanceConfig> instances, AwsClientFactory factory) {
    this.config = config;
    this.factory = factory;
    // A private registry: a one-shot command exports nothing.
    this.aws =
        new AwsIntegration(
            config.cloudwatch(),
            config.discovery(),
            config.secretsManager(),
            factory,
            new CollectorRegistry());
    this.source = aws.instanceSource(new StaticInstanceSource(instances, aws.secrets()).targets());
  }

  public static AwsTargets production(AwsSections config, List<InstanceConfig> instances) {
    return new AwsTargets(config, instances, AwsClientFactory.production());
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
    return new AwsReachability(factory).check(config.cloudwatch(), config.discovery());
  }

  @Override
  public void close() {
    aws.close();
  }
}
