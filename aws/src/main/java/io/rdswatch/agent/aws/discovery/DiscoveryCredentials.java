package io.rdswatch.agent.aws.discovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * `discovery.aws.credentials`: a default login for discovered instances, overridden per instance by
 * a tag (named {@code secretTag}) whose value is a Secrets Manager secret ARN.
 */
public class DiscoveryCredentials {

  @JsonProperty private String secretTag = "rdswatch-secret";

  @JsonProperty("default")
  private LoginConfig defaultLogin;

  /**
   * The drill login of every discovered instance, unless its drillSecretTag names another; none:
   * the login above.
   */
  @JsonProperty private LoginConfig drill;

  /** A tag whose value is the secret ARN of that instance's drill login. */
  @JsonProperty private String drillSecretTag;

  public String getSecretTag() {
    return secretTag;
  }

  public LoginConfig getDefault() {
    return defaultLogin;
  }

  public LoginConfig getDrill() {
    return drill;
  }

  public String getDrillSecretTag() {
    return drillSecretTag;
  }

  public void validate(String path, List<String> errors) {
    if (secretTag != null && secretTag.isBlank()) {
      errors.add(path + ".secretTag: must not be blank (omit it to disable per-instance secrets)");
    }
    if (drillSecretTag != null && (drillSecretTag.isBlank() || drillSecretTag.equals(secretTag))) {
      errors.add(path + ".drillSecretTag: must not be blank or the same tag as secretTag");
    }
    if (drill != null) {
      drill.validate(path + ".drill", errors);
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
