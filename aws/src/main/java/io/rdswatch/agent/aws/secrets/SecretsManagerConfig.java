package io.rdswatch.agent.aws.secrets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdswatch.agent.aws.client.AwsConfigChecks;
import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.feature.ConfigSection;
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

  /** The section's own rules, plus the secret ARNs the instances give it to read. */
  @Override
  public void check(String path, ConfigFacts facts, List<String> errors) {
    validate(path, errors);
    InstanceSecretArns.check(facts, errors);
  }
}
