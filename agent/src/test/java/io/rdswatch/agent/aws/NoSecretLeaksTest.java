package io.rdswatch.agent.aws;

import static io.rdswatch.agent.aws.SimulatedAwsFleet.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.feature.ConfigException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every secret a config can hold (a literal password, a password file, a discovery default, a
 * Secrets Manager secret, a wrong password that fails a login, the API token) stays out of every
 * log line at every level from config load to shutdown, out of every page and API answer, and out
 * of config error messages and the config objects' toString.
 */
class NoSecretLeaksTest {

  private static final String WRONG = "Wr0ng-Pa55-7777";
  private static final String TOKEN = "T0ken-9f8e7d6c5b4a-3210";

  @TempDir Path dir;

  @Test
  void noSecretIsLoggedShownOrEchoed() throws Exception {
    List<String> seen = new ArrayList<>();
    try (SimulatedAwsFleet fleet = new SimulatedAwsFleet();
        LogCapture logs = new LogCapture()) {
      Path pw = Files.writeString(dir.resolve("billing.pw"), PASSWORD + "\n");
      Path file =
          Files.writeString(
              dir.resolve("rdswatch.yml"),
              """
          http: { port: 0, adminPort: 0 }
          poll: { interval: 60s, timeout: 5s }
          stateDir: %s
          logging: { level: TRACE, appenders: [{ type: file, currentLogFilename: %s, archive: false }] }
          api: { token: "%s" }
          instances:
            - { name: literal, host: 127.0.0.1, port: %d, username: admin, password: "%s", jdbcProperties: { encrypt: "false" } }
            - { name: from-file, host: 127.0.0.1, port: %d, username: admin, passwordFile: %s, jdbcProperties: { encrypt: "false" } }
            - { name: wrong, host: 127.0.0.1, port: %d, username: admin, password: "%s", jdbcProperties: { encrypt: "false" } }
          """
                      .formatted(
                          dir.resolve("state"),
                          dir.resolve("agent.log"),
                          TOKEN,
                          fleet.port("billing-prod"),
                          PASSWORD,
                          fleet.port("billing-prod"),
                          pw,
                          fleet.port("orders-prod"),
                          WRONG)
                  + fleet.awsYaml());

      AgentConfiguration config = ConfigLoader.load(file);
      seen.add(String.valueOf(config));
      config.getInstances().forEach(i -> seen.add(String.valueOf(i)));
      seen.add(String.valueOf(config.getApi()));
      seen.add(String.valueOf(config.getDiscovery()));
      try (AgentServer agent =
          AgentServer.start(new RdswatchApplication(fleet.javaClock(), false), config)) {
        agent.runtime().poller().pollOnce();
        agent.runtime().poller().pollOnce();
        for (String path :
            List.of(
                "/",
                "/metrics",
                "/api/instances",
                "/api/instances/wrong",
                "/api/tasks",
                "/drills",
                "/api/drills")) {
          seen.add(get(agent.applicationUri(), path));
        }
        for (String path : List.of("/healthcheck", "/threads", "/metrics")) {
          seen.add(get(agent.adminUri(), path));
        }
        // the token in use, at TRACE: every layer that sees the request's headers logs them here
        seen.add(
            post(
                agent.applicationUri(),
                "/api/drills",
                "{\"instance\":\"nope\",\"database\":\"Orders\"}"));
        seen.add(post(agent.adminUri(), "/tasks/gc", ""));
        agent
            .runtime()
            .fleet()
            .instances()
            .forEach(p -> seen.add(p.toString() + p.target() + p.status()));
      }
      assertThat(String.join("\n", seen))
          .contains("wrong", "login"); // the failed login is reported...
      // the config is loaded before Dropwizard takes logging over (and sends it to agent.log, at
      // TRACE)
      seen.addAll(logs.lines());
      List<String> agentLog = Files.readAllLines(dir.resolve("agent.log"));
      assertThat(agentLog)
          .as("the log saw the whole run, TRACE included")
          .anyMatch(l -> l.startsWith("TRACE"))
          .anyMatch(l -> l.contains("wrong: poll failed (login)"))
          .anyMatch(l -> l.contains("stopped polling"));
      seen.addAll(agentLog);
    }

    // ...and a config with mistakes next to the secrets names the mistakes only
    Path bad =
        Files.writeString(
            dir.resolve("bad.yml"),
            """
        api: { token: "short" }
        instances:
          - { name: a, host: h, port: abc, username: u, password: "%s", passwordFile: /x, jdbcProperties: { password: "%s" } }
        """
                .formatted(WRONG, PASSWORD));
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(bad));
    assertThat(e.errors()).hasSizeGreaterThanOrEqualTo(4);
    seen.add(e.getMessage());

    assertThat(seen)
        .isNotEmpty()
        .allSatisfy(
            text ->
                assertThat(text)
                    .doesNotContain(PASSWORD)
                    .doesNotContain(WRONG)
                    .doesNotContain(TOKEN)
                    .doesNotContain("short\""));
  }

  private static String post(URI base, String path, String body) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return path + " " + response.statusCode() + " " + response.body();
  }

  private static String get(URI base, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    return path + " " + response.statusCode() + " " + response.body();
  }
}
