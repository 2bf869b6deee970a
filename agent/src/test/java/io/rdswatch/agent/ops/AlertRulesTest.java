package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.agent.ops.RuleFiles.Rule;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The alert set, its metadata, its runbooks and its test coverage, as README's alerting section
 * describes.
 */
class AlertRulesTest {

  /** The alerts the README lists ("Loading the alert rules"), each with its runbook and tests. */
  private static final Set<String> EXPECTED =
      Set.of(
          "RdswatchInstanceStorageFull",
          "RdswatchBackupFailed",
          "RdswatchBackupWindowOverlap",
          "RdswatchOverlappingBackups",
          "RdswatchBackupStale",
          "RdswatchTaskStalled",
          "RdswatchTaskQueuedTooLong",
          "RdswatchInstanceDown",
          "RdswatchMetricsStale",
          "RdswatchDrillFailed",
          "RdswatchDrillOverdue",
          "RdswatchDrillRtoExceeded",
          "RdswatchDrillOrphans",
          "RdswatchCloudWatchPublishFailing",
          "RdswatchAbsent",
          "RdswatchPermissionDenied",
          // hardening: what a drill left behind, and a stateDir that cannot be written
          "RdswatchDrillScratchLeft",
          "RdswatchStateSaveFailing",
          "RdswatchBackupCadenceBroken",
          "RdswatchDatabaseUnprotected",
          // the server offset against the RDS time zone (README, "Time zones")
          "RdswatchServerTimezoneMismatch");

  private static final String RUNBOOK_PREFIX = "file:///usr/share/doc/rdswatch/alerts/runbooks.md#";
  private static final Pattern THRESHOLD = Pattern.compile("vector\\((\\d+)\\)");

  @Test
  void everyAlertOfTheIssueExistsOnce() {
    List<String> names = RuleFiles.alerts().stream().map(Rule::alert).toList();

    assertThat(names).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(EXPECTED);
  }

  @Test
  void everyAlertHasSeverityAndTheThreeAnnotations() {
    for (Rule alert : RuleFiles.alerts()) {
      assertThat(alert.labels().path("severity").asText())
          .as(alert.alert())
          .isIn("critical", "warning");
      for (String annotation : List.of("summary", "description", "runbook_url")) {
        assertThat(alert.annotations().path(annotation).asText())
            .as(alert.alert() + " " + annotation)
            .isNotBlank();
      }
    }
  }

  @Test
  void everyRunbookUrlPointsAtItsOwnHeadingInRunbooks() {
    Set<String> anchors =
        OpsFiles.read(OpsFiles.RUNBOOKS)
            .lines()
            .filter(l -> l.startsWith("## "))
            .map(
                l ->
                    l.substring(3)
                        .trim()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "")
                        .replace(' ', '-'))
            .collect(Collectors.toSet());
    for (Rule alert : RuleFiles.alerts()) {
      String url = alert.annotations().path("runbook_url").asText();
      String anchor = alert.alert().toLowerCase(Locale.ROOT);
      assertThat(url).as(alert.alert()).isEqualTo(RUNBOOK_PREFIX + anchor);
      assertThat(anchors).as("runbooks.md heading for " + alert.alert()).contains(anchor);
    }
  }

  @Test
  void thresholdsAreConstantRecordingRulesReadByAlerts() {
    List<Rule> thresholds =
        RuleFiles.rules().stream()
            .filter(r -> r.record() != null && r.record().startsWith("rdswatch:threshold_"))
            .toList();
    String alertExprs =
        RuleFiles.alerts().stream().map(Rule::expr).collect(Collectors.joining("\n"));

    assertThat(thresholds).hasSize(7);
    for (Rule t : thresholds) {
      assertThat(t.expr().trim()).as(t.record()).matches(THRESHOLD);
      assertThat(alertExprs).as("an alert reads " + t.record()).contains(t.record());
    }
    // the defaults the README's alert table names
    assertThat(threshold(thresholds, "rdswatch:threshold_backup_stale_seconds"))
        .isEqualTo(26 * 3600);
    assertThat(threshold(thresholds, "rdswatch:threshold_drill_overdue_seconds"))
        .isEqualTo(8 * 86400);
    assertThat(threshold(thresholds, "rdswatch:threshold_backup_cadence_factor")).isEqualTo(2);
    assertThat(threshold(thresholds, "rdswatch:threshold_backup_cadence_floor_seconds"))
        .isEqualTo(2 * 3600);
  }

  @Test
  void everyAlertIsTestedFiringAndNotFiring() {
    Set<String> firing = new HashSet<>();
    Set<String> silent = new HashSet<>();
    for (Path file : OpsFiles.ruleTests()) {
      for (JsonNode test : RuleFiles.yaml(file).path("tests")) {
        for (JsonNode check : test.path("alert_rule_test")) {
          String name = check.path("alertname").asText();
          (check.path("exp_alerts").isEmpty() ? silent : firing).add(name);
        }
      }
    }
    assertThat(firing).as("alerts with a firing expectation").containsAll(EXPECTED);
    assertThat(silent).as("alerts with a not-firing expectation").containsAll(EXPECTED);
  }

  private static long threshold(List<Rule> thresholds, String name) {
    Rule rule = thresholds.stream().filter(r -> r.record().equals(name)).findFirst().orElseThrow();
    Matcher m = THRESHOLD.matcher(rule.expr().trim());
    assertThat(m.matches()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
