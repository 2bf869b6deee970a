package io.rdswatch.agent.aws.discovery;

import io.rdswatch.agent.aws.AwsConfigChecks;
import io.rdswatch.agent.aws.secrets.SecretPasswordSource;
import io.rdswatch.agent.aws.secrets.SecretSources;
import io.rdswatch.agent.aws.secrets.SecretUnavailableException;
import io.rdswatch.agent.target.PasswordSource;
import java.util.Map;

/**
 * Picks the login for a discovered instance: the secret named by its {@code secretTag} tag if it
 * has one, otherwise {@code credentials.default}. Password sources are shared objects, so the
 * same instance yields an equal target on every refresh.
 */
final class LoginResolver {

  record Login(String username, PasswordSource password) {}

  private final String secretTag;
  private final LoginConfig fallback;
  private final PasswordSource fallbackPassword;
  private final SecretSources secrets;

  LoginResolver(DiscoveryCredentials credentials, SecretSources secrets) {
    this.secretTag = credentials.getSecretTag();
    this.fallback = credentials.getDefault();
    this.secrets = secrets;
    if (fallback == null) {
      fallbackPassword = null;
    } else if (fallback.getPasswordSecretArn() != null) {
      fallbackPassword = secrets.forArn(fallback.getPasswordSecretArn());
    } else {
      fallbackPassword = PasswordSource.literal(fallback.getPassword());
    }
  }

  Login resolve(String instance, Map<String, String> tags) throws SecretUnavailableException {
    String tagged = secretTag == null ? null : tags.get(secretTag);
    if (tagged != null) {
      if (AwsConfigChecks.secretArnRegion(tagged) == null) {
        throw new SecretUnavailableException(
            "instance " + instance + ": tag '" + secretTag + "' is not a secret ARN (value not shown)");
      }
      SecretPasswordSource source = secrets.forArn(tagged);
      return new Login(username(instance, source.username()), source);
    }
    if (fallback == null) {
      throw new SecretUnavailableException(
          "instance " + instance + " has no '" + secretTag + "' tag and credentials.default is not set");
    }
    String username = fallback.getUsername();
    if (username == null && fallbackPassword instanceof SecretPasswordSource s) {
      username = s.username();
    }
    return new Login(username(instance, username), fallbackPassword);
  }

  private String username(String instance, String fromSecret) throws SecretUnavailableException {
    String name = fromSecret != null ? fromSecret : fallback == null ? null : fallback.getUsername();
    if (name == null) {
      throw new SecretUnavailableException(
          "instance " + instance + ": its secret has no 'username' and credentials.default.username is not set");
    }
    return name;
  }
}
