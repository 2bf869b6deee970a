package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.scenario.Scenario;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's HTTP surface, served by the real app polling the simulator's demo fleet over TDS. */
class HttpEndpointsTest {

  private static final String SECRET = "Sup3r-Secret-Pw";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static SimulatedFleet fleet;
  private static RunningAgent agent;

  @BeforeAll
  static void start() throws Exception {
    fleet =
        SimulatedFleet.start(
            Scenario.demo(),
            SimulatedFleet.START,
            SimulatorOptions.forTests(null).withLogin("rdswatch", SECRET));
    agent =
        RunningAgent.start(
            fleet.config(dir, Duration.ofSeconds(60), Duration.ofSeconds(5)),
            fleet.agentClock(),
            false);
    agent.pollOnce();
  }

  @AfterAll
  static void stop() throws Exception {
    agent.close();
    fleet.close();
  }

  @Test
  void metricsAreTextFormatByDefault() throws Exception {
    HttpResponse<String> response = agent.get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    for (String name : new String[] {"sales-prod", "hr-prod", "analytics-dev"}) {
      assertThat(MetricsPage.value(response.body(), "rdswatch_up{rds_instance=\"" + name + "\","))
          .hasValue(1.0);
    }
    assertThat(response.body()).contains("jvm_memory_bytes_used", "rdswatch_build_info{version=");
  }

  @Test
  void metricsAreOpenMetricsWhenAsked() throws Exception {
    HttpResponse<String> response =
        agent.get("/metrics", "application/openmetrics-text; version=1.0.0; charset=utf-8");

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertThat(response.body())
        .contains("rdswatch_up{rds_instance=\"hr-prod\"} 1.0")
        .endsWith("# EOF\n");
  }

  @Test
  void instancesShowPollStatusSortedByName() throws Exception {
    HttpResponse<String> response = agent.get("/api/instances");

    JsonNode instances = JSON.readTree(response.body());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(instances)
        .extracting(i -> i.get("name").asText())
        .containsExactly("analytics-dev", "hr-prod", "sales-prod");
    JsonNode analytics = instances.get(0);
    assertThat(analytics.get("origin").asText()).isEqualTo("static");
    assertThat(analytics.get("up").asBoolean()).isTrue();
    assertThat(analytics.get("lastPoll").asText()).isEqualTo(SimulatedFleet.START.toString());
    assertThat(analytics.get("lastError").isNull()).isTrue();
    assertThat(analytics.get("tasksSeen").asInt()).isGreaterThan(10);
    assertThat(analytics.get("activeTasks").asInt())
        .as("Warehouse's FULL runs at start")
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void tasksCarryRawTaskInfoAndTheClassifiedReason() throws Exception {
    JsonNode tasks =
        JSON.readTree(agent.get("/api/tasks?rds_instance=hr-prod&database=Benefits").body());

    assertThat(tasks)
        .isNotEmpty()
        .allSatisfy(
            t -> {
              assertThat(t.get("rdsInstance").asText()).isEqualTo("hr-prod");
              assertThat(t.get("database").asText()).isEqualTo("Benefits");
            });
    assertThat(tasks)
        .filteredOn(t -> t.get("lifecycle").asText().equals("ERROR"))
        .isNotEmpty()
        .allSatisfy(
            t -> {
              // written as RDS writes it: the generic abort line (which names the backup window)
              // comes first
              assertThat(t.get("reason").asText()).isEqualTo("s3_wrong_region");
              assertThat(t.get("taskInfo").asText())
                  .contains(
                      "] Aborted the task because of a task failure or an overlap with "
                          + "your preferred backup window for RDS automated backup.",
                      "] Access Denied.",
                      "] Task has been aborted");
              assertThat(t.get("reasonEvidence").asText())
                  .endsWith("] Please specify a bucket that is in the same region as RDS instance.")
                  .isSubstringOf(t.get("taskInfo").asText());
            });
    assertThat(tasks)
        .extracting(t -> t.get("taskId").asLong())
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void activeFilterKeepsOnlyUnfinishedTasks() throws Exception {
    JsonNode active = JSON.readTree(agent.get("/api/tasks?active=true").body());
    JsonNode finished =
        JSON.readTree(agent.get("/api/tasks?active=false&rds_instance=sales-prod").body());

    assertThat(active)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.get("active").asBoolean()).isTrue());
    assertThat(active)
        .anySatisfy(
            t -> {
              assertThat(t.get("database").asText()).isEqualTo("Warehouse");
              assertThat(t.get("lifecycle").asText()).isEqualTo("IN_PROGRESS");
              assertThat(t.get("progressRatio").asDouble()).isBetween(0.0, 1.0);
            });
    assertThat(finished)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.get("active").asBoolean()).isFalse());
  }

  @Test
  void badFiltersGetClearErrors() throws Exception {
    HttpResponse<String> unknown = agent.get("/api/tasks?rds_instance=nope");
    HttpResponse<String> badFlag = agent.get("/api/tasks?active=maybe");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("message").asText())
        .isEqualTo("no instance named 'nope'");
    assertThat(badFlag.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badFlag.body()).get("message").asText())
        .isEqualTo("active must be true or false, not 'maybe'");
    assertThat(agent.get("/api/instances/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void landingPageLinksEverything() throws Exception {
    HttpResponse<String> page = agent.get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "href=\"/metrics\"",
            "href=\"/api/instances\"",
            "href=\"/api/tasks\"",
            "href=\"/drills\"",
            "href=\"/api/drills\"",
            "3 of 3 instances up");
    Matcher link = Pattern.compile("href=\"(/[^\"]*)\"").matcher(page.body());
    while (link.find()) {
      assertThat(agent.get(link.group(1)).statusCode()).as(link.group(1)).isEqualTo(200);
    }
  }

  @Test
  void healthChecksFollowEachInstanceAndNeverShowTheSecret() throws Exception {
    assertThat(agent.admin("/healthcheck").statusCode()).isEqualTo(200);

    // the agent keeps its connection, so drop it first: the next poll must log in again
    fleet.instance("hr-prod").faults().down(true);
    agent.pollOnce();
    fleet.instance("hr-prod").faults().down(false).loginFailure(true);
    try {
      agent.pollOnce();
      HttpResponse<String> health = agent.admin("/healthcheck");
      JsonNode checks = JSON.readTree(health.body());

      assertThat(health.statusCode()).isEqualTo(500);
      assertThat(checks.get("instance:sales-prod").get("healthy").asBoolean()).isTrue();
      assertThat(checks.get("instance:hr-prod").get("healthy").asBoolean()).isFalse();
      assertThat(checks.get("instance:hr-prod").get("message").asText())
          .startsWith("login: Login failed for user 'rdswatch'");
      assertThat(checks.get("fleet").get("message").asText())
          .isEqualTo("2 of 3 instances up; down: hr-prod (login)");
      JsonNode hr = JSON.readTree(agent.get("/api/instances/hr-prod").body());
      assertThat(hr.get("lastError").get("kind").asText()).isEqualTo("login");
      assertThat(health.body() + agent.get("/api/instances").body() + agent.metrics())
          .doesNotContain(SECRET);
    } finally {
      fleet.instance("hr-prod").faults().loginFailure(false);
      agent.pollOnce();
    }
    assertThat(agent.admin("/healthcheck").statusCode()).isEqualTo(200);
  }
}
