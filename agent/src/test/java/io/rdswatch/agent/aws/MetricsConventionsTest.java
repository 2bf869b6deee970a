package io.rdswatch.agent.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.aws.MetricsConventionsTest.Page.Sample;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchCbor;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.exporter.testsupport.Promtool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics tables of issues 3 and 4, name by name: type and label names, on the real agent's
 * page (with discovery and CloudWatch on) and on the golden page of a scripted day (which has a
 * sample of every task family). And the conventions on every family, JVM ones included: no
 * `instance` label, counters end in _total, ratios stay within 0-1, every family has HELP.
 */
class MetricsConventionsTest {

  /** name -> type and label names (histograms without le). */
  private static final Map<String, Family> TABLE = new LinkedHashMap<>();

  record Family(String type, Set<String> labels) {}

  static {
    table("rdswatch_up", "gauge", "rds_instance");
    table("rdswatch_poll_duration_seconds", "gauge", "rds_instance");
    table("rdswatch_last_poll_success_timestamp_seconds", "gauge", "rds_instance");
    table("rdswatch_poll_errors_total", "counter", "rds_instance", "kind");
    table("rdswatch_tasks", "gauge", "rds_instance", "task_type", "lifecycle");
    table("rdswatch_task_slots_in_use", "gauge", "rds_instance");
    table("rdswatch_task_queued_seconds", "gauge", "rds_instance", "database", "task_type");
    table("rdswatch_task_progress_ratio", "gauge", "rds_instance", "database", "task_type");
    table("rdswatch_task_stalled", "gauge", "rds_instance", "database", "task_type");
    table(
        "rdswatch_tasks_finished_total",
        "counter",
        "rds_instance",
        "database",
        "task_type",
        "lifecycle");
    table(
        "rdswatch_task_failures_total",
        "counter",
        "rds_instance",
        "database",
        "task_type",
        "reason");
    table("rdswatch_task_duration_seconds", "histogram", "rds_instance", "task_type");
    table(
        "rdswatch_backup_last_success_timestamp_seconds",
        "gauge",
        "rds_instance",
        "database",
        "backup_type");
    table("rdswatch_restore_last_success_timestamp_seconds", "gauge", "rds_instance", "database");
    table("rdswatch_backup_overlap", "gauge", "rds_instance", "database");
    table("rdswatch_instance_info", "gauge", "rds_instance", "host");
    table("rdswatch_build_info", "gauge", "version", "revision");
  }

  private static final Map<String, Family> AWS_TABLE =
      Map.of(
          "rdswatch_cloudwatch_requests_total", new Family("counter", Set.of("result")),
          "rdswatch_cloudwatch_datums_total", new Family("counter", Set.of()),
          "rdswatch_cloudwatch_datums_dropped_total", new Family("counter", Set.of()),
          "rdswatch_cloudwatch_last_success_timestamp_seconds", new Family("gauge", Set.of()),
          "rdswatch_discovery_instances", new Family("gauge", Set.of("region")),
          "rdswatch_discovery_errors_total", new Family("counter", Set.of("region")),
          "rdswatch_instance_status", new Family("gauge", Set.of("rds_instance", "status")));

  private static void table(String name, String type, String... labels) {
    TABLE.put(name, new Family(type, Set.of(labels)));
  }

  @TempDir Path state;

  @Test
  void theGoldenDayHasEveryTaskFamilyWithTheTablesTypeAndLabels() throws Exception {
    Page golden =
        Page.parse(Files.readString(Path.of("src/test/resources/golden/agent-metrics.prom")));

    TABLE.forEach(
        (name, family) -> {
          assertThat(golden.types).as(name).containsEntry(name, family.type());
          assertLabels(golden, name, family, true);
        });
    assertThat(golden.values("rdswatch_poll_errors_total", "kind"))
        .isSubsetOf("connect", "login", "timeout", "query", "parse", "permission");
    assertThat(golden.values("rdswatch_tasks_finished_total", "lifecycle"))
        .isSubsetOf("SUCCESS", "ERROR", "CANCELLED");
    assertThat(golden.values("rdswatch_backup_last_success_timestamp_seconds", "backup_type"))
        .isSubsetOf("full", "differential");
    assertThat(golden.largestFiniteBucket("rdswatch_task_duration_seconds"))
        .as("buckets up to 24 h")
        .isEqualTo(86_400);
    assertConventions(golden);
  }

  @Test
  void theLivePageWithAwsOnFollowsTheTablesAndTheConventions() throws Exception {
    try (SimulatedAwsFleet fleet = new SimulatedAwsFleet();
        AgentServer agent =
            AgentServer.start(new RdswatchApplication(fleet.javaClock(), false), config(fleet))) {
      agent.runtime().poller().pollOnce();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !CloudWatchCbor.datums(fleet.aws).isEmpty());
      String text = get(agent.applicationUri(), null);
      String open =
          get(agent.applicationUri(), "application/openmetrics-text; version=1.0.0; charset=utf-8");
      Page page = Page.parse(text);

      for (Map<String, Family> table : List.of(TABLE, AWS_TABLE)) {
        table.forEach(
            (name, family) -> {
              assertThat(page.types).as(name).containsEntry(name, family.type());
              assertLabels(page, name, family, false);
            });
      }
      assertThat(page.labelNames("rdswatch_instance_info"))
          .contains("rds_instance", "host", "tag_team");
      assertThat(page.types.keySet())
          .as("JVM metrics")
          .anyMatch(n -> n.startsWith("jvm_"))
          .anyMatch(n -> n.startsWith("process_"));
      assertConventions(page);
      assertThat(text).doesNotContain(SimulatedAwsFleet.PASSWORD);
      Promtool.assertCleanMetrics(text);
      // promtool lints only the text format; OpenMetrics names counter families without _total
      assertThat(open)
          .contains(
              "# TYPE rdswatch_cloudwatch_requests counter", "rdswatch_cloudwatch_requests_total{")
          .endsWith("# EOF\n");
    }
  }

  /** The table's labels; rdswatch_instance_info adds the configured or discovered ones. */
  private static void assertLabels(Page page, String name, Family family, boolean everySampled) {
    Set<String> labels = page.labelNames(name);
    if (name.equals("rdswatch_instance_info")) {
      assertThat(labels).as("labels of " + name).containsAll(family.labels());
    } else if (everySampled) {
      assertThat(labels).as("labels of " + name).isEqualTo(new TreeSet<>(family.labels()));
    } else {
      assertThat(labels).as("labels of " + name).isSubsetOf(family.labels());
    }
  }

  private static void assertConventions(Page page) {
    page.types.forEach(
        (name, type) -> {
          assertThat(page.help).as("HELP of " + name).containsKey(name);
          if (type.equals("counter")) {
            assertThat(name).as("counter").endsWith("_total");
          }
          assertThat(name)
              .as("base units")
              .doesNotContainPattern("_(ms|milliseconds|minutes|hours|percent|kb|mb)(_|$)");
        });
    for (Sample s : page.samples) {
      assertThat(s.labels().keySet()).as(s.line()).doesNotContain("instance", "job", "task_id");
      if (s.name().endsWith("_ratio")) {
        assertThat(s.value()).as(s.line()).isBetween(0.0, 1.0);
      }
    }
  }

  private AgentConfiguration config(SimulatedAwsFleet fleet) {
    String yaml =
        "http: { port: 0, adminPort: 0 }\npoll: { interval: 60s, timeout: 5s }\nstateDir: "
            + state
            + "\ninstances: []\n"
            + fleet
                .awsYaml()
                .replace(
                    "cloudwatch: { enabled: true,",
                    "cloudwatch: { enabled: true, interval: 300ms,");
    return AwsFakes.yaml(yaml, AgentConfiguration.class);
  }

  private static String get(URI base, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/metrics"));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** A text-format 0.0.4 page: TYPE and HELP per family, and every sample with its labels. */
  static final class Page {
    record Sample(String line, String name, Map<String, String> labels, double value) {}

    private static final Pattern SAMPLE =
        Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL =
        Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    final Map<String, String> types = new LinkedHashMap<>();
    final Map<String, String> help = new LinkedHashMap<>();
    final List<Sample> samples = new ArrayList<>();

    static Page parse(String text) {
      Page page = new Page();
      for (String line : text.split("\n")) {
        String[] words = line.split(" ", 4);
        if (line.startsWith("# TYPE ")) {
          page.types.put(words[2], words[3]);
        } else if (line.startsWith("# HELP ")) {
          page.help.put(words[2], words.length > 3 ? words[3] : "");
        } else if (!line.isBlank() && !line.startsWith("#")) {
          Matcher m = SAMPLE.matcher(line);
          assertThat(m.matches()).as("sample line: " + line).isTrue();
          Map<String, String> labels = new LinkedHashMap<>();
          Matcher l = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
          while (l.find()) {
            labels.put(l.group(1), l.group(2));
          }
          page.samples.add(new Sample(line, m.group(1), labels, number(m.group(3))));
        }
      }
      return page;
    }

    /** The golden file masks values that vary from run to run ("<varies>"). */
    private static double number(String text) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException masked) {
        return Double.NaN;
      }
    }

    /** Label names of the family's samples, without a histogram's le. */
    Set<String> labelNames(String family) {
      Set<String> names = new TreeSet<>();
      familySamples(family).forEach(s -> names.addAll(s.labels().keySet()));
      names.remove("le");
      return names;
    }

    Set<String> values(String family, String label) {
      Set<String> values = new TreeSet<>();
      familySamples(family).forEach(s -> values.add(s.labels().get(label)));
      return values;
    }

    double largestFiniteBucket(String histogram) {
      return familySamples(histogram).stream()
          .filter(s -> s.name().equals(histogram + "_bucket"))
          .map(s -> s.labels().get("le"))
          .filter(le -> !le.equals("+Inf"))
          .mapToDouble(Double::parseDouble)
          .max()
          .orElse(Double.NaN);
    }

    private List<Sample> familySamples(String family) {
      boolean histogram = "histogram".equals(types.get(family));
      Set<String> names =
          histogram
              ? Set.copyOf(Arrays.asList(family + "_bucket", family + "_sum", family + "_count"))
              : Set.of(family);
      return samples.stream().filter(s -> names.contains(s.name())).toList();
    }
  }
}
