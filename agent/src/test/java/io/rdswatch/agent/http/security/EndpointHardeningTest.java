package io.rdswatch.agent.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.drill.sim.DrillConfigFiles;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.SimTime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application and admin ports as an attacker meets them: requests without credentials, bodies
 * too big to hold, a Host header from someone else's DNS name, and the admin tasks.
 */
class EndpointHardeningTest {

  static final String TOKEN = "test-token-0123456789";
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final int FIFTEEN_MB = 15 * 1024 * 1024;

  @TempDir Path dir;
  DrillSim sim;
  AgentServer agent;

  @BeforeEach
  void simulator() throws Exception {
    sim = new DrillSim(Instant.parse("2026-11-29T10:00:00Z"));
    sim.backup("orders-prod", "Orders");
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    sim.close();
  }

  void start(String http, String extra) throws Exception {
    Path config =
        DrillConfigFiles.write(dir, sim, http, "drills: { followInterval: 10ms }\n" + extra);
    agent =
        AgentServer.start(
            new RdswatchApplication(SimTime.clock(sim.clock), false), ConfigLoader.load(config));
  }

  void start(String extra) throws Exception {
    start("bind: 127.0.0.1, port: 0, adminPort: 0", extra);
  }

  String host() {
    return "Host: 127.0.0.1:" + agent.applicationPort();
  }

  HttpResponse<String> get(URI base, String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(
      URI base, String path, HttpRequest.BodyPublisher body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(body);
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  void assertAlive() throws Exception {
    assertThat(get(agent.applicationUri(), "/metrics").statusCode()).isEqualTo(200);
    assertThat(get(agent.adminUri(), "/healthcheck").body()).contains("fleet");
  }

  @Test
  void postsWithoutTheTokenAreRefusedBeforeTheirBodiesAreRead() throws Exception {
    start("api: { token: " + TOKEN + " }\n");
    // Sixteen clients announce 15 MB each but send 1 KB: the answer must come without the rest.
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<RawHttp.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        replies.add(
            pool.submit(
                () ->
                    RawHttp.send(
                        agent.applicationUri(),
                        """
            POST /api/drills HTTP/1.1
            %s
            Content-Type: application/json
            Content-Length: %d
            """
                            .formatted(host(), FIFTEEN_MB),
                        new byte[1024])));
      }
      for (Future<RawHttp.Reply> reply : replies) {
        assertThat(reply.get().status()).as(reply.get().text()).isEqualTo(401);
        assertThat(reply.get().text())
            .contains(
                "WWW-Authenticate: Bearer realm=\"rdswatch\"", "missing or wrong bearer token");
      }
    } finally {
      pool.shutdownNow();
    }
    assertAlive();
    assertThat(sim.calls("sp_getapplock")).isEmpty();
  }

  @Test
  void bodiesOverSixtyFourKilobytesAre413EvenWithTheToken() throws Exception {
    start("api: { token: " + TOKEN + " }\n");

    RawHttp.Reply announced =
        RawHttp.send(
            agent.applicationUri(),
            """
        POST /api/drills HTTP/1.1
        %s
        Authorization: Bearer %s
        Content-Type: application/json
        Content-Length: %d
        """
                .formatted(host(), TOKEN, FIFTEEN_MB),
            new byte[1024]);
    // No Content-Length: the cap holds while reading.
    byte[] padded =
        ("{\"instance\":\"orders-prod\",\"database\":\"Orders\",\"pad\":\""
                + "x".repeat(70 * 1024)
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    Supplier<java.util.concurrent.Flow.Publisher<java.nio.ByteBuffer>> chunks =
        () ->
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(padded));
    HttpResponse<String> chunked =
        post(
            agent.applicationUri(),
            "/api/drills",
            HttpRequest.BodyPublishers.fromPublisher(chunks.get()),
            "Authorization",
            "Bearer " + TOKEN);
    HttpResponse<String> small =
        post(
            agent.applicationUri(),
            "/api/drills",
            HttpRequest.BodyPublishers.ofString(
                "{\"instance\":\"orders-prod\",\"database\":\"Orders\"}"),
            "Authorization",
            "Bearer " + TOKEN);

    assertThat(announced.status()).as(announced.text()).isEqualTo(413);
    assertThat(announced.text()).contains("request body larger than 65536 bytes");
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    assertThat(small.statusCode()).as(small.body()).isEqualTo(202);
    assertAlive();
  }

  @Test
  void listLimitsAreCapped() throws Exception {
    start("");

    HttpResponse<String> api = get(agent.applicationUri(), "/api/drills?limit=100000");
    HttpResponse<String> page = get(agent.applicationUri(), "/drills?limit=100000");

    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.body()).contains("limit: must be between 0 and 1000, got 100000");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(get(agent.applicationUri(), "/api/drills?limit=1000").statusCode()).isEqualTo(200);
    assertThat(get(agent.applicationUri(), "/drills?limit=1000").statusCode()).isEqualTo(200);
    assertAlive();
  }

  @Test
  void theAdminPortIsOnLoopbackAndItsTasksAreOffWithoutACredential() throws Exception {
    start("bind: 0.0.0.0, port: 0, adminPort: 0", "");

    assertThat(agent.adminBindAddress()).isEqualTo("127.0.0.1");
    HttpResponse<String> logLevel =
        post(
            agent.adminUri(),
            "/tasks/log-level?logger=ROOT&level=TRACE",
            HttpRequest.BodyPublishers.noBody());
    assertThat(logLevel.statusCode()).isEqualTo(403);
    assertThat(logLevel.body())
        .contains("admin tasks and profiling are off: set api.token or http.basicAuthUsers");
    assertThat(get(agent.adminUri(), "/pprof").statusCode()).isEqualTo(403);
    assertThat(get(agent.adminUri(), "/threads").statusCode()).isEqualTo(403);
    assertThat(org.slf4j.LoggerFactory.getLogger("ROOT").isTraceEnabled()).isFalse();
    assertThat(get(agent.adminUri(), "/healthcheck").statusCode()).isIn(200, 500);
    assertThat(get(agent.adminUri(), "/ping").statusCode()).isEqualTo(200);
  }

  @Test
  void adminTasksNeedTheApiToken() throws Exception {
    start("api: { token: " + TOKEN + " }\n");

    HttpResponse<String> anonymous =
        post(agent.adminUri(), "/tasks/gc", HttpRequest.BodyPublishers.noBody());
    HttpResponse<String> wrong =
        post(
            agent.adminUri(),
            "/tasks/gc",
            HttpRequest.BodyPublishers.noBody(),
            "Authorization",
            "Bearer not-the-token-at-all");
    HttpResponse<String> token =
        post(
            agent.adminUri(),
            "/tasks/gc",
            HttpRequest.BodyPublishers.noBody(),
            "Authorization",
            "Bearer " + TOKEN);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
  }

  @Test
  void hostNamesTheAgentDoesNotAnswerToAreRefused() throws Exception {
    start("bind: 127.0.0.1, port: 0, adminPort: 0, allowedHosts: [rdswatch.internal.example]", "");

    for (String hostile :
        List.of(
            "rebind.attacker.example",
            "rebind.attacker.example:" + agent.applicationPort(),
            "127.0.0.1.nip.io")) {
      RawHttp.Reply reply =
          RawHttp.send(
              agent.applicationUri(), "GET /api/drills HTTP/1.1\nHost: " + hostile, new byte[0]);
      assertThat(reply.status()).as(hostile).isEqualTo(421);
      assertThat(reply.text()).contains("is not a name this agent answers to (http.allowedHosts)");
      RawHttp.Reply admin =
          RawHttp.send(
              agent.adminUri(), "GET /healthcheck HTTP/1.1\nHost: " + hostile, new byte[0]);
      assertThat(admin.status()).as(hostile).isEqualTo(421);
    }
    for (String fine :
        List.of(
            "localhost",
            "127.0.0.1:" + agent.applicationPort(),
            "LOCALHOST.",
            "rdswatch.internal.example",
            "[::1]")) {
      RawHttp.Reply reply =
          RawHttp.send(
              agent.applicationUri(), "GET /api/drills HTTP/1.1\nHost: " + fine, new byte[0]);
      assertThat(reply.status()).as(fine).isEqualTo(200);
    }
  }

  @Test
  void tlsAndBasicAuthProtectMetricsApiAndDrillsAndTheCertificateIsReloaded() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Pem.selfSigned(dir, "rsa:2048", "rdswatch-first", cert, key);
    String hash =
        org.springframework.security.crypto.bcrypt.BCrypt.hashpw(
            "scrape-pw", org.springframework.security.crypto.bcrypt.BCrypt.gensalt(10));
    start(
        "bind: 127.0.0.1, port: 0, adminPort: 0, tls: { certFile: "
            + cert
            + ", keyFile: "
            + key
            + ", reloadInterval: 1s }, basicAuthUsers: { prometheus: \""
            + hash
            + "\" }",
        "api: { token: " + TOKEN + " }\n");
    HttpClient https = Pem.trusting(cert);
    URI app = agent.applicationUri();
    assertThat(app.getScheme()).isEqualTo("https");
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString("prometheus:scrape-pw".getBytes(StandardCharsets.UTF_8));
    String wrong =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString("prometheus:guess".getBytes(StandardCharsets.UTF_8));

    for (String path : List.of("/metrics", "/api/drills", "/api/instances", "/drills")) {
      HttpResponse<String> none = Pem.get(https, app.resolve(path), null);
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm=\"rdswatch\""));
      assertThat(Pem.get(https, app.resolve(path), wrong).statusCode()).as(path).isEqualTo(401);
      assertThat(Pem.get(https, app.resolve(path), basic).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(Pem.get(https, agent.adminUri().resolve("/healthcheck"), null).statusCode())
        .isEqualTo(401);
    assertThat(Pem.get(https, agent.adminUri().resolve("/threads"), basic).statusCode())
        .isEqualTo(200);
    // A POST with scrape credentials only still needs the token.
    HttpRequest drill =
        HttpRequest.newBuilder(app.resolve("/api/drills"))
            .header("Authorization", basic)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"instance\":\"orders-prod\",\"database\":\"Orders\"}"))
            .build();
    assertThat(https.send(drill, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    assertThat(Pem.subjectServedAt(https, app)).contains("CN=rdswatch-first");
    assertThat(
            Stream.of("http://127.0.0.1:" + app.getPort() + "/metrics")
                .map(
                    u -> {
                      try {
                        return HTTP.send(
                                HttpRequest.newBuilder(URI.create(u)).build(),
                                HttpResponse.BodyHandlers.ofString())
                            .statusCode();
                      } catch (Exception e) {
                        return -1;
                      }
                    }))
        .as("plain HTTP gets no metrics")
        .noneMatch(s -> s == 200);

    Pem.selfSigned(dir, "ec", "rdswatch-renewed", cert, key);
    HttpClient renewed = Pem.trusting(cert);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> Pem.subjectServedAt(renewed, app).contains("CN=rdswatch-renewed"));
    assertThat(Pem.get(renewed, app.resolve("/metrics"), basic).statusCode()).isEqualTo(200);
  }
}
