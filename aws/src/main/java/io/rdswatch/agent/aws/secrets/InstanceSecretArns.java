package io.rdswatch.agent.aws.secrets;

import io.rdswatch.agent.aws.client.AwsConfigChecks;
import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.instance.InstanceConfig;
import java.util.List;

/**
 * The form of every secret ARN a static instance gives for Secrets Manager to read: an ARN that is
 * the instance's one password source, and the drill login's when the instance has one. When an
 * instance gives no source or several, the instance rules say so and the ARN is not judged.
 */
final class InstanceSecretArns {

  private InstanceSecretArns() {}

  static void check(ConfigFacts facts, List<String> errors) {
    for (ConfigFacts.IndexedInstance entry : facts.staticInstances()) {
      InstanceConfig c = entry.config();
      if (onlySource(c.getPasswordSecretArn(), c.getPassword(), c.getPasswordFile())) {
        AwsConfigChecks.secretArn(
            entry.path() + ".passwordSecretArn", c.getPasswordSecretArn(), errors);
      }
      if (c.getDrillUsername() != null
          && onlySource(
              c.getDrillPasswordSecretArn(), c.getDrillPassword(), c.getDrillPasswordFile())) {
        AwsConfigChecks.secretArn(
            entry.path() + ".drillPasswordSecretArn", c.getDrillPasswordSecretArn(), errors);
      }
    }
  }

  private static boolean onlySource(String secretArn, String literal, String file) {
    return secretArn != null && literal == null && file == null;
  }
}
