package io.rdswatch.agent.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.drill.sim.DrillConfigFiles;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.SimTime;
import io.rdswatch.exporter.testsupport.Promtool;
import io.rdswatch.simulator.rds.DatabaseSpec;
import io.rdswatch.simulator.rds.Tables;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drills' HTTP surfaces on the real agent: the token on POST, JSON, the HTML page, /metrics.
 */
class DrillApiE2eTest {

  static final String TOKEN = "test-token-0123456789";
  static final String HOSTILE = "<b>x</b>&\"'; DROP DATABASE [Orders]--";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  DrillSim sim;
  AgentServer agent;

  @BeforeEach
  void start() throws Exception {
    sim = new DrillSim(Instant.parse("2026-11-29T10:00:00Z"));
    sim.backup("orders-prod", "Orders");
    sim.instance("orders-prod")
        .addDatabase(DatabaseSpec.of(HOSTILE, 64).withTables(Tables.of(Map.of("T", 3L))));
    sim.backup("orders-prod", HOSTILE);
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    sim.close();
  }

  void startAgent(String api) throws Exception {
    Path config = DrillConfigFiles.write(dir, sim, "drills: { followInterval: 10ms }\n" + api);
    agent =
        AgentServer.start(
            new RdswatchApplication(SimTime.clock(sim.clock), false), ConfigLoader.load(config));
  }

  HttpResponse<String> post(String authorization, String instance, String database)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(agent.applicationUri().resolve("/api/drills"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("instance", instance, "database", database))));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(agent.applicationUri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode awaitFinished(String id) throws Exception {
    try (AutoCloseable time = SimTime.flowing(sim.clock, Duration.ofSeconds(30))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                String status =
                    JSON.readTree(get("/api/drills/" + id).body()).path("status").asText();
                return !status.equals("queued") && !status.equals("running");
              });
    }
    return JSON.readTree(get("/api/drills/" + id).body());
  }

  @Test
  void postNeedsTheBearerToken() throws Exception {
    startAgent("api: { token: " + TOKEN + " }\n");

    for (String auth :
        new String[] {null, "Bearer wrong-token-0123456789", "Basic " + TOKEN, "Bearer", TOKEN}) {
      HttpResponse<String> r = post(auth, "orders-prod", "Orders");
      assertThat(r.statusCode()).as(String.valueOf(auth)).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"rdswatch\"");
      assertThat(r.body()).contains("missing or wrong bearer token").doesNotContain(TOKEN);
    }
    assertThat(JSON.readTree(get("/api/drills").body())).isEmpty();
    assertThat(sim.calls("sp_getapplock")).isEmpty();
  }

  @Test
  void postIsDisabledWithoutAToken() throws Exception {
    startAgent("");

    HttpResponse<String> r = post("Bearer anything-at-all-1234", "orders-prod", "Orders");

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("disabled: set api.token");
  }

  @Test
  void aDrillRunByPostShowsInJsonHtmlAndMetrics() throws Exception {
    startAgent("api: { token: " + TOKEN + " }\n");

    HttpResponse<String> accepted = post("Bearer " + TOKEN, "orders-prod", "Orders");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String id = JSON.readTree(accepted.body()).get("id").asText();
    assertThat(accepted.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/drills/" + id));
    JsonNode drill = awaitFinished(id);
    String hostileId =
        JSON.readTree(post("Bearer " + TOKEN, "orders-prod", HOSTILE).body()).get("id").asText();
    JsonNode hostile = awaitFinished(hostileId);

    assertThat(drill.get("status").asText()).as(drill.toString()).isEqualTo("success");
    assertThat(drill.at("/plan/trigger").asText()).isEqualTo("api");
    assertThat(drill.get("rtoSeconds").asDouble()).isPositive();
    assertThat(drill.has("rtoMet")).as("null: a manual drill has no RTO target").isTrue();
    for (String field :
        new String[] {
          "/startedAt",
          "/restoreSubmittedAt",
          "/restoreFinishedAt",
          "/verifyStartedAt",
          "/verifyFinishedAt",
          "/finishedAt",
          "/source/s3Arn",
          "/source/backupTime",
          "/tasks/0/queueWaitSeconds",
          "/tasks/0/durationSeconds",
          "/checks/0/passed",
          "/reasonCode"
        }) {
      assertThat(drill.at(field).isMissingNode()).as(field).isFalse();
    }
    assertThat(hostile.get("status").asText()).as(hostile.toString()).isEqualTo("success");
    assertThat(hostile.get("scratchName").asText())
        .matches("rdswatch_drill_[A-Za-z0-9_]+_\\d{14}_[a-z0-9]{4}");
    assertThat(JSON.readTree(get("/api/drills").body()))
        .extracting(n -> n.get("id").asText())
        .containsExactly(hostileId, id);
    assertThat(get("/api/drills/nope").statusCode()).isEqualTo(404);

    HttpResponse<String> page = get("/drills");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(c -> assertThat(c).startsWith("text/html"));
    assertThat(page.body())
        .contains("Restore drills", "2 drills: 2 success", "pass</span> DBCC CHECKDB")
        .contains("&lt;b&gt;x&lt;/b&gt;&amp;&quot;&#39;; DROP DATABASE [Orders]--")
        .doesNotContain("<b>x</b>");

    String metrics = get("/metrics").body();
    assertThat(metrics)
        .contains(
            "rdswatch_drill_last_result{rds_instance=\"orders-prod\",database=\"Orders\",drill=\"manual\",} 1.0",
            "rdswatch_drill_runs_total{result=\"success\",} 2.0",
            "rdswatch_drill_running 0.0",
            "rdswatch_drill_restore_duration_seconds_count{rds_instance=\"orders-prod\",} 2.0");
    Promtool.assertCleanMetrics(metrics);
  }

  @Test
  void aDrillFromTheCliShowsOnTheAgent() throws Exception {
    startAgent("api: { token: " + TOKEN + " }\n");
    int code;
    try (AutoCloseable time = SimTime.flowing(sim.clock, Duration.ofSeconds(30))) {
      code =
          io.rdswatch.agent.cli.Main.run(
              "drill",
              "--config",
              dir.resolve("rdswatch.yml").toString(),
              "--instance",
              "orders-prod",
              "--database",
              "Orders",
              "--wait");
    }

    assertThat(code).isZero();
    assertThat(JSON.readTree(get("/api/drills").body()))
        .singleElement()
        .satisfies(n -> assertThat(n.at("/plan/trigger").asText()).isEqualTo("cli"));
    assertThat(get("/drills").body()).contains("1 drill: 1 success");
  }

  @Test
  void drillWithoutWaitHandsTheDrillToTheAgent() throws Exception {
    Path config =
        DrillConfigFiles.write(
            dir, sim, "drills: { followInterval: 10ms }\napi: { token: " + TOKEN + " }\n");
    agent =
        AgentServer.start(
            new RdswatchApplication(SimTime.clock(sim.clock), false), ConfigLoader.load(config));
    // the CLI finds the agent through http.bind/http.port; point a copy of the config at the bound
    // port
    String yaml =
        java.nio.file.Files.readString(config)
            .replace(
                "port: 0, adminPort: 0", "port: " + agent.applicationPort() + ", adminPort: 0");
    Path cliConfig = dir.resolve("cli.yml");
    java.nio.file.Files.writeString(cliConfig, yaml);

    assertThat(
            io.rdswatch.agent.cli.Main.run(
                "drill",
                "--config",
                cliConfig.toString(),
                "--instance",
                "orders-prod",
                "--database",
                "Orders"))
        .isZero();

    try (AutoCloseable time = SimTime.flowing(sim.clock, Duration.ofSeconds(30))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> JSON.readTree(get("/api/drills").body()).size() == 1);
    }
    String id = JSON.readTree(get("/api/drills").body()).get(0).get("id").asText();
    assertThat(awaitFinished(id).get("status").asText()).isEqualTo("success");
  }
}
