package io.rdswatch.agent.aws.secrets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdswatch.agent.aws.client.AwsConfigChecks;
import java.util.List;

/**
 * The `secretsManager:` section. Secrets are read in the region named by their ARN; this only
 * overrides the endpoint (tests, VPC interface endpoints).
 */
public class SecretsManagerConfig {

  @JsonProperty private String endpoint;

  public String getEndpoint() {
    return endpoint;
  }

  public void validate(String path, List<String> errors) {
    AwsConfigChecks.endpoint(path + ".endpoint", endpoint, errors);
  }
}
