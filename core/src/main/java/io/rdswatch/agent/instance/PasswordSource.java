package io.rdswatch.agent.instance;

/**
 * Where an instance's password comes from: a literal, a file, or Secrets Manager. Implementations
 * cache; {@link #invalidate()} is called after a login failure so a rotated secret is fetched
 * again. Implementations must never include the secret in toString() or exception messages.
 */
public interface PasswordSource {

  String password() throws Exception;

  default void invalidate() {}

  /** A literal password, e.g. from YAML after ${VAR} substitution. */
  static PasswordSource literal(String password) {
    return new PasswordSource() {
      @Override
      public String password() {
        return password;
      }

      @Override
      public String toString() {
        return "PasswordSource[literal, redacted]";
      }
    };
  }
}
