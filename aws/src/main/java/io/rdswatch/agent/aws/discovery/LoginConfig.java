package io.rdswatch.agent.aws.discovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdswatch.agent.aws.client.AwsConfigChecks;
import java.util.List;

/**
 * A SQL login: username plus either a literal password (from ${VAR}) or a Secrets Manager secret in
 * RDS's JSON shape. With a secret and no username, the secret's username is used.
 */
public class LoginConfig {

  @JsonProperty private String username;
  @JsonProperty private String password;
  @JsonProperty private String passwordSecretArn;

  public String getUsername() {
    return username;
  }

  public String getPassword() {
    return password;
  }

  public String getPasswordSecretArn() {
    return passwordSecretArn;
  }

  public void validate(String path, List<String> errors) {
    boolean literal = password != null;
    boolean secret = passwordSecretArn != null;
    if (literal == secret) {
      errors.add(path + ": set exactly one of password or passwordSecretArn");
    }
    if (!secret && (username == null || username.isBlank())) {
      errors.add(path + ".username: must be set (or use passwordSecretArn, whose secret has one)");
    }
    AwsConfigChecks.secretArn(path + ".passwordSecretArn", passwordSecretArn, errors);
  }

  @Override
  public String toString() {
    return "LoginConfig[username=" + username + ", password redacted]";
  }
}
