package io.rdswatch.agent.aws.discovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The `discovery:` section; only AWS exists today. Absent `aws` means no discovery. */
public class DiscoveryConfig {

  @JsonProperty private AwsDiscoveryConfig aws;

  public AwsDiscoveryConfig getAws() {
    return aws;
  }

  public boolean isEnabled() {
    return aws != null;
  }

  public void validate(String path, List<String> errors) {
    if (aws != null) {
      aws.validate(path + ".aws", errors);
    }
  }
}
