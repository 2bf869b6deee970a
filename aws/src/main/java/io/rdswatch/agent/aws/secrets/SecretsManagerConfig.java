package io.rdswatch.agent.aws.secrets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdswatch.agent.aws.client.AwsConfigChecks;
import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.feature.ConfigSection;
import io.rdswatch.agent.instance.InstanceConfig;
import java.util.List;

/**
 * The `secretsManager:` section. Secrets are read in the region named by their ARN; this only
 * overrides the endpoint (tests, VPC interface endpoints).
 */
public class SecretsManagerConfig implements ConfigSection {

  @JsonProperty private String endpoint;

  public String getEndpoint() {
    return endpoint;
  }

  public void validate(String path, List<String> errors) {
    AwsConfigChecks.endpoint(path + ".endpoint", endpoint, errors);
  }

  /**
   * The section's own rules, plus the form of every secret ARN an instance gives for this section's
   * client to read: an ARN that is the instance's one password source, and the drill login's when
   * the instance has one. When an instance gives no source or several, the instance rules say so
   * and the ARN is not judged.
   */
  @Override
  public void check(String path, ConfigFacts facts, List<String> errors) {
    validate(path, errors);
    for (ConfigFacts.IndexedInstance entry : facts.staticInstances()) {
      InstanceConfig c = entry.config();
      if (onlySource(c.getPasswordSecretArn(), c.getPassword(), c.getPasswordFile())) {
        AwsConfigChecks.secretArn(entry.path() + ".passwordSecretArn", c.getPasswordSecretArn(), errors);
      }
      if (c.getDrillUsername() != null
          && onlySource(c.getDrillPasswordSecretArn(), c.getDrillPassword(), c.getDrillPasswordFile())) {
        AwsConfigChecks.secretArn(entry.path() + ".drillPasswordSecretArn", c.getDrillPasswordSecretArn(), errors);
      }
    }
  }

  private static boolean onlySource(String secretArn, String literal, String file) {
    return secretArn != null && literal == null && file == null;
  }
}
