package io.rdswatch.agent.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A SQL login as RDS stores it in Secrets Manager: a JSON object with at least "username" and
 * "password" (RDS adds engine, host, port...; those are ignored).
 */
public record RdsSecret(String username, String password) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Parses a SecretString. Errors name the ARN and the missing field only: the parser's own message
   * (which quotes the input) is deliberately dropped, and no cause is attached.
   */
  static RdsSecret parse(String arn, String secretString) throws SecretUnavailableException {
    JsonNode node;
    try {
      node = JSON.readTree(secretString);
    } catch (Exception e) {
      throw new SecretUnavailableException(
          "secret " + arn + " is not JSON in RDS's shape {\"username\": ..., \"password\": ...}");
    }
    if (node == null || !node.isObject()) {
      throw new SecretUnavailableException(
          "secret " + arn + " is not a JSON object in RDS's shape {\"username\", \"password\"}");
    }
    String password = text(node, "password");
    if (password == null) {
      throw new SecretUnavailableException("secret " + arn + " has no string field 'password'");
    }
    return new RdsSecret(text(node, "username"), password);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  @Override
  public String toString() {
    return "RdsSecret[username=" + username + ", password redacted]";
  }
}
