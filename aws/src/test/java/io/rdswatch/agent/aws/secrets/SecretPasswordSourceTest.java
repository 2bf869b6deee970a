package io.rdswatch.agent.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.rdswatch.agent.aws.AwsFakes;
import io.rdswatch.agent.aws.LogCapture;
import io.rdswatch.agent.instance.InstanceTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretPasswordSourceTest {

  private static final String ARN = SecretsJson.arn("eu-west-1", "rds-orders");
  private static final String OLD = "0ld-Pa55-w0rd-7781";
  private static final String NEW = "N3w-Pa55-w0rd-9924";

  private WireMockServer aws;
  private SecretSources sources;

  @BeforeEach
  void start() {
    aws = AwsFakes.wireMock();
    sources =
        SecretSources.create(
            AwsFakes.factory(),
            AwsFakes.yaml("endpoint: " + aws.baseUrl(), SecretsManagerConfig.class));
  }

  @AfterEach
  void stop() {
    sources.close();
    aws.stop();
  }

  /** Stands in for SQL Server: accepts exactly the current password. */
  private static final class Server {
    String password = OLD;

    boolean login(String user, String attempt) {
      return "rdswatch".equals(user) && password.equals(attempt);
    }
  }

  @Test
  void afterRotationTheFailedLoginInvalidatesAndTheRefetchedSecretWorks() throws Exception {
    Server server = new Server();
    aws.stubFor(
        SecretsJson.getSecretValue(ARN).willReturn(SecretsJson.secret(ARN, "rdswatch", OLD)));
    SecretPasswordSource source = sources.forArn(ARN);

    assertThat(server.login(source.username(), source.password())).isTrue();
    assertThat(server.login(source.username(), source.password())).isTrue();
    aws.verify(1, SecretsJson.getSecretValueRequested(ARN));

    // RDS rotates: the database and the secret change together.
    server.password = NEW;
    aws.stubFor(
        SecretsJson.getSecretValue(ARN).willReturn(SecretsJson.secret(ARN, "rdswatch", NEW)));

    assertThat(server.login(source.username(), source.password()))
        .as("cached old password")
        .isFalse();
    source.invalidate();
    assertThat(server.login(source.username(), source.password())).isTrue();
    aws.verify(2, SecretsJson.getSecretValueRequested(ARN));
  }

  @Test
  void oneSourcePerArnSoEveryInstanceSharesTheCacheAndTargetsStayEqual() {
    assertThat(sources.forArn(ARN)).isSameAs(sources.forArn(ARN));
    assertThat(sources.forArn(SecretsJson.arn("us-east-1", "other")))
        .isNotSameAs(sources.forArn(ARN));
    assertThatThrownBy(() -> sources.forArn("hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void readsTheSecretInTheRegionItsArnNames() throws Exception {
    String usArn = SecretsJson.arn("us-east-1", "web");
    aws.stubFor(SecretsJson.getSecretValue(usArn).willReturn(SecretsJson.secret(usArn, "u", "p")));

    assertThat(sources.forArn(usArn).password()).isEqualTo("p");
    aws.verify(
        SecretsJson.getSecretValueRequested(usArn)
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.containing(
                    "/us-east-1/secretsmanager/")));
  }

  @Test
  void aSecretNeverAppearsInLogsExceptionsOrToString() throws Exception {
    String secret = "Top-S3cret-" + System.nanoTime();
    List<String> texts = new ArrayList<>();
    try (LogCapture logs = new LogCapture()) {
      // Broken JSON that contains the password: the parser's message would quote it.
      texts.add(
          failure(
              SecretsJson.secretString(
                  ARN, "{\"username\":\"u\",\"password\":\"" + secret + "\"")));
      // Well-formed, but the password sits under the wrong key.
      texts.add(
          failure(
              SecretsJson.secretString(ARN, "{\"username\":\"u\",\"pass\":\"" + secret + "\"}")));
      // Not an object at all.
      texts.add(failure(SecretsJson.secretString(ARN, "\"" + secret + "\"")));
      texts.add(failure(SecretsJson.error(400, "AccessDeniedException", "not allowed")));
      aws.stubFor(
          SecretsJson.getSecretValue(ARN).willReturn(SecretsJson.secret(ARN, "rdswatch", secret)));
      SecretPasswordSource source = sources.forArn(ARN);
      source.invalidate();
      assertThat(source.password()).isEqualTo(secret);
      texts.add(source.toString());
      texts.add(
          new InstanceTarget(
                  "orders", "h", 1433, "rdswatch", source, Map.of(), Map.of(), null, "static")
              .toString());
      texts.addAll(logs.lines());
      assertThat(logs.lines()).as("the SDK logs at DEBUG too; all were captured").isNotEmpty();
    }
    assertThat(texts).hasSizeGreaterThan(6).allSatisfy(t -> assertThat(t).doesNotContain(secret));
    assertThat(texts.get(0)).contains(ARN).contains("not JSON");
    assertThat(texts.get(1)).contains("has no string field 'password'");
    assertThat(texts.get(3)).contains("AccessDeniedException (HTTP 400): not allowed");
  }

  /** Stubs the response, reads, and returns the failure message plus its whole cause chain. */
  private String failure(
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    aws.stubFor(SecretsJson.getSecretValue(ARN).willReturn(response));
    SecretPasswordSource source = sources.forArn(ARN);
    source.invalidate();
    try {
      source.password();
    } catch (SecretUnavailableException e) {
      StringBuilder all = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        all.append(t).append(" | ");
      }
      return all.toString();
    }
    throw new AssertionError("expected a failure");
  }
}
