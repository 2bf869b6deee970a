package io.rdswatch.agent.aws.discovery;

import io.rdswatch.agent.aws.client.AwsConfigChecks;
import io.rdswatch.agent.aws.secrets.SecretPasswordSource;
import io.rdswatch.agent.aws.secrets.SecretSources;
import io.rdswatch.agent.aws.secrets.SecretUnavailableException;
import io.rdswatch.agent.instance.DrillLogin;
import io.rdswatch.agent.instance.PasswordSource;
import java.util.Map;

/**
 * Picks the login for a discovered instance: the secret named by its {@code secretTag} tag if it
 * has one, otherwise {@code credentials.default}. Password sources are shared objects, so the same
 * instance yields an equal target on every refresh.
 */
final class LoginResolver {

  record Login(String username, PasswordSource password) {}

  private final String secretTag;
  private final LoginConfig fallback;
  private final PasswordSource fallbackPassword;
  private final SecretSources secrets;
  private final String drillSecretTag;
  private final LoginConfig drillFallback;
  private final PasswordSource drillFallbackPassword;

  LoginResolver(DiscoveryCredentials credentials, SecretSources secrets) {
    this.secretTag = credentials.getSecretTag();
    this.fallback = credentials.getDefault();
    this.secrets = secrets;
    this.fallbackPassword = password(fallback, secrets);
    this.drillSecretTag = credentials.getDrillSecretTag();
    this.drillFallback = credentials.getDrill();
    this.drillFallbackPassword = password(drillFallback, secrets);
  }

  private static PasswordSource password(LoginConfig login, SecretSources secrets) {
    if (login == null) {
      return null;
    }
    return login.getPasswordSecretArn() != null
        ? secrets.forArn(login.getPasswordSecretArn())
        : PasswordSource.literal(login.getPassword());
  }

  /**
   * The drill login: the secret named by the instance's {@code drillSecretTag} tag, else {@code
   * credentials.drill}; null when neither is set (drills then use the monitoring login).
   */
  DrillLogin drill(String instance, Map<String, String> tags) throws SecretUnavailableException {
    SecretPasswordSource source = tagged(instance, drillSecretTag, tags);
    if (source != null) {
      String name =
          source.username() != null
              ? source.username()
              : drillFallback == null ? null : drillFallback.getUsername();
      if (name == null) {
        throw new SecretUnavailableException(
            "instance " + instance + ": its drill secret has no 'username'");
      }
      return new DrillLogin(name, source);
    }
    if (drillFallback == null) {
      return null;
    }
    String name = drillFallback.getUsername();
    if (name == null && drillFallbackPassword instanceof SecretPasswordSource s) {
      name = s.username();
    }
    if (name == null) {
      throw new SecretUnavailableException(
          "instance " + instance + ": the credentials.drill secret has no 'username'");
    }
    return new DrillLogin(name, drillFallbackPassword);
  }

  Login resolve(String instance, Map<String, String> tags) throws SecretUnavailableException {
    SecretPasswordSource source = tagged(instance, secretTag, tags);
    if (source != null) {
      return new Login(username(instance, source.username()), source);
    }
    if (fallback == null) {
      throw new SecretUnavailableException(
          "instance "
              + instance
              + " has no '"
              + secretTag
              + "' tag and credentials.default is not set");
    }
    String username = fallback.getUsername();
    if (username == null && fallbackPassword instanceof SecretPasswordSource s) {
      username = s.username();
    }
    return new Login(username(instance, username), fallbackPassword);
  }

  /**
   * The secret the instance's {@code tag} names, or null when the tag is not set (or not
   * configured).
   */
  private SecretPasswordSource tagged(String instance, String tag, Map<String, String> tags)
      throws SecretUnavailableException {
    String arn = tag == null ? null : tags.get(tag);
    if (arn == null) {
      return null;
    }
    if (AwsConfigChecks.secretArnRegion(arn) == null) {
      throw new SecretUnavailableException(
          "instance " + instance + ": tag '" + tag + "' is not a secret ARN (value not shown)");
    }
    return secrets.forArn(arn);
  }

  private String username(String instance, String fromSecret) throws SecretUnavailableException {
    String name =
        fromSecret != null ? fromSecret : fallback == null ? null : fallback.getUsername();
    if (name == null) {
      throw new SecretUnavailableException(
          "instance "
              + instance
              + ": its secret has no 'username' and credentials.default.username is not set");
    }
    return name;
  }
}
