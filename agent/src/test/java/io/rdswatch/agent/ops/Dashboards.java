package io.rdswatch.agent.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shipped Grafana dashboards and the PromQL inside them. */
final class Dashboards {

  /** One PromQL expression and where it sits, for error messages. */
  record Query(String where, String expr) {
    /** The expression with Grafana's variables replaced by values promtool accepts. */
    String resolved() {
      Matcher m = VARIABLE.matcher(expr);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        String value = SUBSTITUTES.get(name);
        if (value == null) {
          throw new AssertionError(where + ": unknown Grafana variable $" + name + " in " + expr);
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      return m.appendTail(out).toString();
    }
  }

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
  private static final Map<String, String> SUBSTITUTES =
      Map.of(
          "__rate_interval",
          "5m",
          "__interval",
          "1m",
          "__range",
          "1h",
          "rds_instance",
          ".*",
          "database",
          ".*");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*\\w+\\)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Dashboards() {}

  static JsonNode load(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  /** Every panel, including those nested in collapsed rows. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode p : dashboard.path("panels")) {
      panels.add(p);
      p.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** Panel targets, plus the selector inside each query variable's label_values(...). */
  static List<Query> queries(Path file) {
    JsonNode dashboard = load(file);
    String name = file.getFileName().toString();
    List<Query> queries = new ArrayList<>();
    for (JsonNode panel : panels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(
            new Query(
                name
                    + " panel "
                    + panel.path("id").asInt()
                    + " '"
                    + panel.path("title").asText()
                    + "' target "
                    + target.path("refId").asText(),
                target.path("expr").asText()));
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if ("query".equals(variable.path("type").asText())) {
        Matcher m = LABEL_VALUES.matcher(variable.path("query").asText());
        if (!m.matches()) {
          throw new AssertionError(
              name
                  + " variable "
                  + variable.path("name").asText()
                  + ": expected label_values(selector, label), got "
                  + variable.path("query"));
        }
        queries.add(new Query(name + " variable " + variable.path("name").asText(), m.group(1)));
      }
    }
    return queries;
  }

  static List<Query> allQueries() {
    List<Query> all = new ArrayList<>();
    OpsFiles.dashboards().forEach(f -> all.addAll(queries(f)));
    return all;
  }
}
