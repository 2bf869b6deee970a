package io.rdswatch.agent.drill.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.feature.ConfigSection;
import java.util.List;

/**
 * The `api` section. POST endpoints need {@code Authorization: Bearer <token>}; without a token
 * they are disabled. A blank token (an empty environment variable) counts as none.
 */
public final class ApiConfig implements ConfigSection {

  static final int MIN_TOKEN_LENGTH = 16;

  @JsonProperty private String token;

  public ApiConfig() {}

  public ApiConfig(String token) {
    this.token = token;
  }

  /** The token, or null when POST endpoints are disabled. */
  public String token() {
    return token == null || token.isBlank() ? null : token;
  }

  @Override
  public void check(String path, ConfigFacts facts, List<String> errors) {
    validate(path, errors);
  }

  /** Never echoes the token. */
  public void validate(String path, List<String> errors) {
    String t = token();
    if (t == null) {
      return;
    }
    if (t.contains("${")) {
      errors.add(
          path + ".token: looks like an unset environment variable reference (value not shown)");
    } else if (t.length() < MIN_TOKEN_LENGTH) {
      errors.add(
          path + ".token: must be at least " + MIN_TOKEN_LENGTH + " characters (value not shown)");
    }
  }

  @Override
  public String toString() {
    return "ApiConfig[token " + (token() == null ? "unset" : "set, redacted") + "]";
  }
}
