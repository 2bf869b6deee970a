package io.rdswatch.agent.aws.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.Map;

/** Secrets Manager's JSON 1.1 protocol: POST / with X-Amz-Target, JSON in and out. */
public final class SecretsJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TARGET = "secretsmanager.GetSecretValue";

  private SecretsJson() {}

  public static String arn(String region, String name) {
    return "arn:aws:secretsmanager:" + region + ":123456789012:secret:" + name + "-AbCdEf";
  }

  public static MappingBuilder getSecretValue(String arn) {
    return post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo(TARGET))
        .withRequestBody(containing(arn));
  }

  public static RequestPatternBuilder getSecretValueRequested(String arn) {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo(TARGET))
        .withRequestBody(containing(arn));
  }

  /** A secret in RDS's shape. */
  public static ResponseDefinitionBuilder secret(String arn, String username, String password) {
    return secretString(
        arn, json(Map.of("username", username, "password", password, "engine", "sqlserver")));
  }

  public static ResponseDefinitionBuilder secretString(String arn, String secretString) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(
            json(Map.of("ARN", arn, "Name", "n", "SecretString", secretString, "VersionId", "v1")));
  }

  public static ResponseDefinitionBuilder error(int status, String type, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(json(Map.of("__type", type, "message", message)));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
