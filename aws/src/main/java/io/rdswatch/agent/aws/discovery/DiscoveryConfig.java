package io.rdswatch.agent.aws.discovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.feature.ConfigSection;
import java.util.List;

/** The `discovery:` section; only AWS exists today. Absent `aws` means no discovery. */
public class DiscoveryConfig implements ConfigSection {

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

  /** The section's own rules, plus its trust store's (README "Connecting with TLS"). */
  @Override
  public void check(String path, ConfigFacts facts, List<String> errors) {
    validate(path, errors);
    if (aws != null && aws.getTls() != null) {
      aws.getTls().validate(path + ".aws.tls", System::getenv, errors);
    }
  }
}
