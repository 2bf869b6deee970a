package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.agent.track.BackupWindow;
import io.rdswatch.agent.track.FailureContexts;
import io.rdswatch.exporter.model.FailureClassifier;
import io.rdswatch.exporter.model.ServerTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The promtool tests of alerts/tests/failure-causes.yml feed the alerts the series the agent
 * exports for real task_info logs: each test names a real log (a fixture of the classifier's tests)
 * and the instance's backup window, and every failure series in it carries the reason the
 * classifier gives that log with that window. Whether the alerts then fire is PromtoolRulesTest's
 * part.
 */
class FailureCauseSeriesTest {

  private static final Path FILE = OpsFiles.RULE_TESTS.resolve("failure-causes.yml");
  private static final Path LOGS = OpsFiles.ROOT.resolve("exporter/src/test/resources/task-info");
  private static final Pattern NAME =
      Pattern.compile("task_info (\\S+\\.log) window (\\d\\d:\\d\\d-\\d\\d:\\d\\d) .*");
  private static final Pattern REASON =
      Pattern.compile("rdswatch_task_failures_total\\{.*reason=\"([a-z0-9_]+)\".*");

  @Test
  void everyFailureSeriesCarriesTheReasonItsRealLogGets() throws IOException {
    List<String> checked = new ArrayList<>();
    for (JsonNode test : RuleFiles.yaml(FILE).path("tests")) {
      String name = test.path("name").asText();
      Matcher m = NAME.matcher(name);
      assertThat(m.matches()).as("test name '%s' must name a real log and a window", name).isTrue();
      String log = Files.readString(LOGS.resolve(m.group(1)));
      String reason =
          FailureClassifier.classify(
                  log, null, FailureContexts.of(BackupWindow.parse(m.group(2)), ServerTime.UTC))
              .label();
      for (JsonNode series : test.path("input_series")) {
        Matcher r = REASON.matcher(series.path("series").asText());
        if (r.matches()) {
          assertThat(r.group(1)).as(name).isEqualTo(reason);
          checked.add(m.group(1) + " -> " + reason);
        }
      }
    }
    try (var logs = Files.list(LOGS)) {
      List<String> all =
          logs.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".log")).toList();
      assertThat(checked)
          .as("every real log feeds the alert tests")
          .allSatisfy(c -> assertThat(all).anyMatch(c::startsWith))
          .hasSizeGreaterThanOrEqualTo(all.size());
      assertThat(all).allSatisfy(f -> assertThat(checked).anyMatch(c -> c.startsWith(f)));
    }
  }
}
