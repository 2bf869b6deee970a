package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks of grafana/dashboard-linter that apply to us, plus ours: a datasource variable, no
 * hard-coded datasource UIDs, $__rate_interval in every rate, unique panel ids, rds_instance and
 * database variables (multi-select, All), a stable uid and tags.
 */
class DashboardConventionsTest {

  private static final Pattern RANGE_FUNCTION = Pattern.compile("\\b(rate|irate|increase)\\s*\\(");
  private static final Pattern SELECTOR = Pattern.compile("\\b(rdswatch_\\w+)(\\{[^}]*})?");

  /** Agent-wide metrics without an rds_instance label: filtering them would hide them. */
  private static final Set<String> AGENT_WIDE =
      Set.of("rdswatch_drill_running", "rdswatch_drill_runs_total");

  static List<Path> dashboards() {
    return OpsFiles.dashboards();
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void hasStableIdentityAndTags(Path file) {
    JsonNode d = Dashboards.load(file);
    String stem = file.getFileName().toString().replace(".json", "");

    assertThat(d.path("uid").asText()).isEqualTo(stem).hasSizeLessThanOrEqualTo(40);
    assertThat(d.path("id").isNull()).as("id is null so that import never collides").isTrue();
    assertThat(d.path("title").asText()).startsWith("rdswatch / ");
    assertThat(d.path("tags")).extracting(JsonNode::asText).contains("rdswatch");
    assertThat(d.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
    assertThat(d.has("__inputs") || d.has("__requires"))
        .as("no grafana.com export blocks")
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void hasTheDatasourceAndFilterVariables(Path file) {
    Map<String, JsonNode> vars = new HashMap<>();
    Dashboards.load(file)
        .path("templating")
        .path("list")
        .forEach(v -> vars.put(v.path("name").asText(), v));

    assertThat(vars).containsOnlyKeys("datasource", "rds_instance", "database");
    assertThat(vars.get("datasource").path("type").asText()).isEqualTo("datasource");
    assertThat(vars.get("datasource").path("query").asText()).isEqualTo("prometheus");
    for (String name : List.of("rds_instance", "database")) {
      JsonNode v = vars.get(name);
      assertThat(v.path("type").asText()).as(name).isEqualTo("query");
      assertThat(v.path("multi").asBoolean()).as(name + " multi").isTrue();
      assertThat(v.path("includeAll").asBoolean()).as(name + " includeAll").isTrue();
      assertThat(v.path("allValue").asText()).as(name + " allValue").isEqualTo(".*");
      assertThat(v.path("datasource").path("type").asText())
          .as(name + " datasource")
          .isEqualTo("prometheus");
      assertThat(v.path("datasource").path("uid").asText())
          .as(name + " datasource")
          .isEqualTo("${datasource}");
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void everyDatasourceIsTheVariableAndNoUidIsHardCoded(Path file) {
    JsonNode d = Dashboards.load(file);
    List<String> problems = new ArrayList<>();
    walk(
        d,
        "$",
        (path, key, value) -> {
          if (key.equals("datasource")
              && !(value.path("type").asText().equals("prometheus")
                  && value.path("uid").asText().equals("${datasource}"))) {
            problems.add(path + ": datasource " + value);
          }
          if (key.equals("uid") && !path.equals("$.uid") && !path.endsWith(".datasource.uid")) {
            problems.add(path + ": uid " + value);
          }
        });
    for (JsonNode panel : Dashboards.panels(d)) {
      if (!panel.path("type").asText().equals("row") && !panel.has("datasource")) {
        problems.add("panel " + panel.path("id") + " has no datasource");
      }
      for (JsonNode target : panel.path("targets")) {
        if (!target.has("datasource")) {
          problems.add(
              "panel "
                  + panel.path("id")
                  + " target "
                  + target.path("refId")
                  + " has no datasource");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void panelIdsAreUnique(Path file) {
    Set<Integer> seen = new HashSet<>();
    for (JsonNode panel : Dashboards.panels(Dashboards.load(file))) {
      assertThat(panel.path("id").isInt())
          .as("panel '" + panel.path("title").asText() + "' has an id")
          .isTrue();
      assertThat(seen.add(panel.path("id").asInt()))
          .as("duplicate panel id " + panel.path("id"))
          .isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void everyRateUsesRateIntervalAndEverySelectorTheInstanceVariable(Path file) {
    List<String> problems = new ArrayList<>();
    for (Dashboards.Query q : Dashboards.queries(file)) {
      Matcher f = RANGE_FUNCTION.matcher(q.expr());
      while (f.find()) {
        String rest = q.expr().substring(f.end());
        String range = rest.substring(rest.indexOf('['), rest.indexOf(']') + 1);
        if (!range.equals("[$__rate_interval]")) {
          problems.add(
              q.where()
                  + ": "
                  + f.group(1)
                  + "(...) over "
                  + range
                  + " instead of [$__rate_interval]");
        }
      }
      Matcher s = SELECTOR.matcher(q.expr());
      while (s.find()) {
        if (!q.where().endsWith("variable rds_instance")
            && !AGENT_WIDE.contains(s.group(1))
            && (s.group(2) == null || !s.group(2).contains("rds_instance=~\"$rds_instance\""))) {
          problems.add(
              q.where() + ": " + s.group() + " does not filter rds_instance=~\"$rds_instance\"");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void committedJsonIsWhatTheGeneratorWrites() {
    Tool.Result result = Tool.run(OpsFiles.DASHBOARDS, "python3", "generate.py", "--check");

    assertThat(result.exit()).as(result.describe()).isZero();
  }

  private interface Visitor {
    void visit(String path, String key, JsonNode value);
  }

  private static void walk(JsonNode node, String path, Visitor visitor) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                visitor.visit(path + "." + e.getKey(), e.getKey(), e.getValue());
                walk(e.getValue(), path + "." + e.getKey(), visitor);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", visitor);
      }
    }
  }
}
