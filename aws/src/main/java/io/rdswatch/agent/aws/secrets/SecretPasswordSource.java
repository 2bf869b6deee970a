package io.rdswatch.agent.aws.secrets;

import io.rdswatch.agent.instance.PasswordSource;

/**
 * A password (and username) read from a Secrets Manager secret in RDS's JSON shape. The secret is
 * fetched once and cached; {@link #invalidate()} (called by the poller after a failed login, i.e.
 * after a rotation) makes the next call fetch it again. Thread-safe: pollers of several instances
 * sharing one secret may call concurrently, and they wait for a single fetch.
 */
public final class SecretPasswordSource implements PasswordSource {

  private final String arn;
  private final SecretFetcher fetcher;
  private RdsSecret cached; // guarded by this

  public SecretPasswordSource(String arn, SecretFetcher fetcher) {
    this.arn = arn;
    this.fetcher = fetcher;
  }

  public String arn() {
    return arn;
  }

  @Override
  public String password() throws SecretUnavailableException {
    return secret().password();
  }

  /** The secret's username, or null if it has none. */
  public String username() throws SecretUnavailableException {
    return secret().username();
  }

  private synchronized RdsSecret secret() throws SecretUnavailableException {
    if (cached == null) {
      cached = RdsSecret.parse(arn, fetcher.secretString(arn));
    }
    return cached;
  }

  @Override
  public synchronized void invalidate() {
    cached = null;
  }

  @Override
  public String toString() {
    return "PasswordSource[secretsmanager " + arn + ", redacted]";
  }
}
