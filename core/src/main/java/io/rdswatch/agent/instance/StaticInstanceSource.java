package io.rdswatch.agent.instance;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The `instances` list of the config file, as targets. Its answer never changes. */
public final class StaticInstanceSource implements InstanceSource {

  public static final String ORIGIN = "static";

  private final List<InstanceTarget> targets;

  public StaticInstanceSource(List<InstanceConfig> instances) {
    this(
        instances,
        arn -> {
          throw new IllegalStateException(
              "passwordSecretArn needs Secrets Manager: build the source with AwsIntegration.secrets()");
        });
  }

  /**
   * @param secrets password sources for passwordSecretArn ({@code AwsIntegration.secrets()})
   */
  public StaticInstanceSource(
      List<InstanceConfig> instances, Function<String, PasswordSource> secrets) {
    this.targets = instances.stream().map(c -> target(c, secrets)).toList();
  }

  @Override
  public List<InstanceTarget> targets() {
    return targets;
  }

  static InstanceTarget target(InstanceConfig c, Function<String, PasswordSource> secrets) {
    PasswordSource password =
        password(c.getPassword(), c.getPasswordFile(), c.getPasswordSecretArn(), secrets);
    DrillLogin drill =
        c.getDrillUsername() == null
            ? null
            : new DrillLogin(
                c.getDrillUsername(),
                password(
                    c.getDrillPassword(),
                    c.getDrillPasswordFile(),
                    c.getDrillPasswordSecretArn(),
                    secrets));
    return new InstanceTarget(
        c.getName(),
        c.getHost(),
        c.getPort(),
        c.getUsername(),
        password,
        c.getJdbcProperties(),
        c.getLabels(),
        c.getBackupWindow(),
        ORIGIN,
        new Topology(c.isMultiAz(), c.getReadReplicaOf(), c.hasCrossRegionReplicas()),
        drill);
  }

  private static PasswordSource password(
      String literal, String file, String secretArn, Function<String, PasswordSource> secrets) {
    return secretArn != null
        ? secrets.apply(secretArn)
        : file != null ? new FilePasswordSource(Path.of(file)) : PasswordSource.literal(literal);
  }
}
