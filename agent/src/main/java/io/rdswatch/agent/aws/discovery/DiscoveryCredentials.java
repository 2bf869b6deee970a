package io.rdswatch.agent.aws.discovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * `discovery.aws.credentials`: a default login for discovered instances, overridden per instance
 * by a tag (named {@code secretTag}) whose value is a Secrets Manager secret ARN.
 */
public class DiscoveryCredentials {

  @JsonProperty private String secretTag = "rdswatch-secret";

  @JsonProperty("default")
  private LoginConfig defaultLogin;

  public String getSecretTag() {
    return secretTag;
  }

  public LoginConfig getDefault() {
    return defaultLogin;
  }

  public void validate(String path, List<String> errors) {
    if (secretTag != null && secretTag.isBlank()) {
      errors.add(path + ".secretTag: must not be blank (omit it to disable per-instance secrets)");
    }
    if (defaultLogin == null) {
      if (secretTag == null) {
        errors.add(path + ": set default, secretTag, or both; otherwise no instance can log in");
      }
      return;
    }
    defaultLogin.validate(path + ".default", errors);
  }
}
