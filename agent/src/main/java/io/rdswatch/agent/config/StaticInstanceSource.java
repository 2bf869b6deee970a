package io.rdswatch.agent.config;

import io.rdswatch.agent.target.FilePasswordSource;
import io.rdswatch.agent.target.InstanceSource;
import io.rdswatch.agent.target.InstanceTarget;
import io.rdswatch.agent.target.PasswordSource;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The `instances` list of the config file, as targets. Its answer never changes. */
public final class StaticInstanceSource implements InstanceSource {

  public static final String ORIGIN = "static";

  private final List<InstanceTarget> targets;

  public StaticInstanceSource(List<InstanceConfig> instances) {
    this(instances, arn -> {
      throw new IllegalStateException("passwordSecretArn needs Secrets Manager: build the source with AwsIntegration.secrets()");
    });
  }

  /** @param secrets password sources for passwordSecretArn (issue 4: {@code AwsIntegration.secrets()}) */
  public StaticInstanceSource(List<InstanceConfig> instances, Function<String, PasswordSource> secrets) {
    this.targets = instances.stream().map(c -> target(c, secrets)).toList();
  }

  @Override
  public List<InstanceTarget> targets() {
    return targets;
  }

  static InstanceTarget target(InstanceConfig c, Function<String, PasswordSource> secrets) {
    PasswordSource password = c.getPasswordSecretArn() != null
        ? secrets.apply(c.getPasswordSecretArn())
        : c.getPasswordFile() != null
            ? new FilePasswordSource(Path.of(c.getPasswordFile()))
            : PasswordSource.literal(c.getPassword());
    return new InstanceTarget(
        c.getName(), c.getHost(), c.getPort(), c.getUsername(), password,
        c.getJdbcProperties(), c.getLabels(), c.getBackupWindow(), ORIGIN);
  }
}
