package io.rdswatch.agent.http.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * `http.basicAuthUsers`: user name to bcrypt hash, as in exporter-toolkit's web-config. bcrypt is
 * slow on purpose (tens of milliseconds), and Prometheus sends the same credentials every scrape,
 * so a pair that matched once is remembered by its SHA-256 digest; a wrong pair is checked in full
 * each time.
 */
public final class BasicAuthUsers {

  private static final String SCHEME = "Basic ";
  private static final int MAX_REMEMBERED = 256;

  /** Compared against for unknown users, so that a wrong name costs as long as a wrong password. */
  private static final String DUMMY_HASH = BCrypt.hashpw("unknown user", BCrypt.gensalt(10));

  private final Map<String, String> hashes;
  private final Set<String> remembered = ConcurrentHashMap.newKeySet();

  BasicAuthUsers(Map<String, String> hashes) {
    this.hashes = Map.copyOf(hashes);
  }

  boolean enabled() {
    return !hashes.isEmpty();
  }

  boolean accepts(String authorization) {
    if (!enabled()
        || authorization == null
        || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    String pair;
    try {
      pair =
          new String(
              Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = pair.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String digest = digest(pair);
    if (remembered.contains(digest)) {
      return true;
    }
    String hash = hashes.get(pair.substring(0, colon));
    boolean ok =
        checks(pair.substring(colon + 1), hash == null ? DUMMY_HASH : hash) && hash != null;
    if (ok) {
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.clear();
      }
      remembered.add(digest);
    }
    return ok;
  }

  /** Whether a configured value is a bcrypt hash this class can check. */
  public static boolean isBcryptHash(String hash) {
    return hash != null && hash.matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  }

  private static boolean checks(String password, String hash) {
    try {
      return BCrypt.checkpw(password, hash);
    } catch (IllegalArgumentException e) {
      // longer than bcrypt's 72 bytes, or a malformed hash: never a match
      return false;
    }
  }

  private static String digest(String pair) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(pair.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
