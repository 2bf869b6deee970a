package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped rules pass promtool's own checks and unit tests, and a broken expectation is caught.
 */
class PromtoolRulesTest {

  @Test
  void rulesPassPromtoolCheck() {
    Tool.Result result =
        Tool.run(OpsFiles.ROOT, "promtool", "check", "rules", OpsFiles.RULES.toString());

    assertThat(result.exit()).as(result.describe()).isZero();
    assertThat(result.output()).as(result.describe()).contains("SUCCESS").doesNotContain("WARNING");
  }

  @Test
  void ruleUnitTestsPass() {
    Tool.Result result = promtoolTest(OpsFiles.RULE_TESTS);

    assertThat(result.exit()).as(result.describe()).isZero();
    assertThat(result.output()).as(result.describe()).doesNotContain("FAILED");
    assertThat(result.output().split("SUCCESS", -1))
        .as(result.describe())
        .hasSize(OpsFiles.ruleTests().size() + 1);
  }

  @Test
  void aWrongExpectationFailsTheRuleTests(@TempDir Path tmp) throws IOException {
    Path copy = copyAlerts(tmp);
    Path backups = copy.resolve("tests/backups.yml");
    String text = Files.readString(backups);
    // RdswatchBackupFailed's first expected alert, now expected as critical
    String broken = text.replaceFirst("severity: warning", "severity: critical");
    assertThat(broken).isNotEqualTo(text);
    Files.writeString(backups, broken);

    Tool.Result result = promtoolTest(copy.resolve("tests"));

    assertThat(result.exit()).as(result.describe()).isNotZero();
    assertThat(result.output()).contains("FAILED").contains("RdswatchBackupFailed");
  }

  @Test
  void aBrokenRuleFailsTheCheck(@TempDir Path tmp) throws IOException {
    Path copy = copyAlerts(tmp);
    Path rules = copy.resolve("rdswatch.rules.yml");
    Files.writeString(
        rules,
        Files.readString(rules)
            .replace(
                "max by (rds_instance) (rdswatch_up) == 0",
                "max by (rds_instance) (rdswatch_up == 0"));

    Tool.Result result = Tool.run(copy, "promtool", "check", "rules", rules.toString());

    assertThat(result.exit()).as(result.describe()).isNotZero();
    assertThat(result.output()).contains("parse error");
  }

  private static Tool.Result promtoolTest(Path testsDir) {
    List<String> command = new ArrayList<>(List.of("promtool", "test", "rules"));
    try (var files = Files.list(testsDir)) {
      files
          .filter(p -> p.toString().endsWith(".yml"))
          .sorted()
          .forEach(p -> command.add(p.toString()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return Tool.run(testsDir, command);
  }

  /**
   * The rule file and its tests, keeping their relative layout (tests name ../rdswatch.rules.yml).
   */
  private static Path copyAlerts(Path tmp) throws IOException {
    Path dir = tmp.resolve("alerts");
    Files.createDirectories(dir.resolve("tests"));
    Files.copy(OpsFiles.RULES, dir.resolve("rdswatch.rules.yml"));
    for (Path test : OpsFiles.ruleTests()) {
      Files.copy(test, dir.resolve("tests").resolve(test.getFileName()));
    }
    return dir;
  }
}
