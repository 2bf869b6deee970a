package io.rdswatch.agent.http.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks an Authorization header against api.token in constant time. */
final class BearerToken {

  static final String SCHEME = "Bearer ";

  private final byte[] token;

  /**
   * @param token null when POST endpoints are disabled
   */
  BearerToken(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  boolean enabled() {
    return token != null;
  }

  boolean accepts(String authorization) {
    if (token == null
        || authorization == null
        || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    byte[] given =
        authorization.substring(SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token);
  }
}
