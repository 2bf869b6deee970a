package io.rdswatch.agent.config;

import io.rdswatch.agent.aws.discovery.AwsDiscoveryConfig;
import io.rdswatch.agent.instance.InstanceConfig;
import io.rdswatch.agent.instance.TlsConfig;
import java.util.function.Function;

/**
 * Folds the {@code tls} sections into each static instance's jdbcProperties once the config is
 * valid (its own {@code tls}, else the fleet-wide one, then explicit jdbcProperties), and lets
 * discovery inherit the fleet-wide one, which it applies to every instance it finds.
 */
final class TlsSettings {
  private TlsSettings() {}

  static void apply(AgentConfiguration config, Function<String, String> env) {
    TlsConfig fleet = config.getTls();
    for (InstanceConfig instance : config.getInstances()) {
      instance.applyTls(fleet, env);
    }
    AwsDiscoveryConfig aws = config.getDiscovery() == null ? null : config.getDiscovery().getAws();
    if (aws != null && fleet != null) {
      aws.inheritTls(fleet);
    }
  }
}
