package io.rdswatch.agent.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rules file and the promtool test files, read as YAML trees. */
final class RuleFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One entry of a rule group: an alert or a recording rule. */
  record Rule(String alert, String record, String expr, JsonNode labels, JsonNode annotations) {
    boolean isAlert() {
      return alert != null;
    }
  }

  private RuleFiles() {}

  static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (JsonNode group : yaml(OpsFiles.RULES).path("groups")) {
      for (JsonNode r : group.path("rules")) {
        rules.add(
            new Rule(
                text(r, "alert"),
                text(r, "record"),
                r.path("expr").asText(),
                r.path("labels"),
                r.path("annotations")));
      }
    }
    return rules;
  }

  static List<Rule> alerts() {
    return rules().stream().filter(Rule::isAlert).toList();
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asText() : null;
  }
}
