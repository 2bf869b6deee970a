package io.rdswatch.agent.drill.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.feature.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrillConfigTest {

  @TempDir Path dir;

  private AgentConfiguration load(String drillsYaml) throws Exception {
    Path file = dir.resolve("rdswatch.yml");
    Files.writeString(
        file,
        "stateDir: "
            + dir.resolve("state")
            + "\n"
            + "instances:\n"
            + "  - { name: orders-prod, host: 127.0.0.1, username: u, password: p, labels: { env: prod } }\n"
            + "  - { name: drill-box, host: 127.0.0.1, username: u, password: p }\n"
            + drillsYaml);
    return ConfigLoader.load(file);
  }

  @Test
  void theIssueExampleBindsWithDefaults() throws Exception {
    AgentConfiguration c =
        load(
            """
        drills:
          scratchPrefix: rdswatch_drill_
          timeout: 6h
          maxDatabasesPerInstance: 100
          schedules:
            - name: weekly-orders
              cron: "0 4 * * SUN"
              instances: [orders-prod]
              databases: ["*"]
              source: latest-full
              includeDifferential: false
              targetInstance: null
              checks:
                - checkdb: true
                - sql: "SELECT COUNT_BIG(*) FROM dbo.Orders"
                  expect: ">= 1000"
              rtoTarget: 2h
        api: { token: 0123456789abcdef0123 }
        """);
    DrillsConfig d = c.getDrills();
    assertThat(d.timeout()).isEqualTo(Duration.ofHours(6));
    assertThat(d.isKeepOnFailure()).isFalse();
    assertThat(d.getSpaceSafetyFactor()).isEqualTo(1.5);
    DrillScheduleConfig s = d.getSchedules().get(0);
    assertThat(s.cronExpression()).hasToString("0 4 * * SUN");
    assertThat(s.getChecks()).hasSize(2);
    assertThat(s.getChecks().get(1).getExpect()).isEqualTo(">= 1000");
    assertThat(s.rtoTarget()).isEqualTo(Duration.ofHours(2));
    assertThat(c.getApi().token()).isEqualTo("0123456789abcdef0123");
  }

  @Test
  void absentSectionsMeanNoDrillsAndNoPost() throws Exception {
    AgentConfiguration c = load("");
    assertThat(c.getDrills().getSchedules()).isEmpty();
    assertThat(c.getDrills().getScratchPrefix()).isEqualTo("rdswatch_drill_");
    assertThat(c.getApi().token()).isNull();
    assertThat(c.getApi()).hasToString("ApiConfig[token unset]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad cron field | drills: { schedules: [ { name: w, cron: '0 4 * * FUNDAY', instances: [orders-prod] } ] }"
            + " | drills.schedules[0].cron: schedule 'w': cron \"0 4 * * FUNDAY\" day-of-week field 'FUNDAY': 'FUNDAY' is not a number or name",
        "cron too short | drills: { schedules: [ { name: w, cron: '0 4 *', instances: [orders-prod] } ] }"
            + " | drills.schedules[0].cron: schedule 'w': cron \"0 4 *\" has 3 fields; expected 5",
        "both selectors | drills: { schedules: [ { name: w, cron: '@daily', instances: [orders-prod], labelSelector: { env: prod } } ] }"
            + " | drills.schedules[0]: schedule 'w': set exactly one of instances or labelSelector",
        "no selector | drills: { schedules: [ { name: w, cron: '@daily' } ] }"
            + " | drills.schedules[0]: schedule 'w': set exactly one of instances or labelSelector",
        "zero rto | drills: { schedules: [ { name: w, cron: '@daily', instances: [orders-prod], rtoTarget: 0s } ] }"
            + " | drills.schedules[0].rtoTarget: must be positive",
        "zero timeout | drills: { timeout: 0s }" + " | drills.timeout: must be positive",
        "empty prefix | drills: { scratchPrefix: '' }"
            + " | drills.scratchPrefix: must not be empty",
        "hostile prefix | drills: { scratchPrefix: 'x]; DROP' }"
            + " | drills.scratchPrefix: 'x]; DROP' must be only A-Z a-z 0-9 _",
        "short prefix | drills: { scratchPrefix: 'tmp_' }"
            + " | drills.scratchPrefix: 'tmp_' must be at least 6 characters and contain '_', so scratch databases stand apart from user databases",
        "prefix without underscore | drills: { scratchPrefix: 'rdswatchdrill' }"
            + " | drills.scratchPrefix: 'rdswatchdrill' must be at least 6 characters and contain '_', so scratch databases stand apart from user databases",
        "retention age | drills: { retention: { maxAge: 10m } }"
            + " | drills.retention.maxAge: must be at least 1h",
        "retention count | drills: { retention: { maxCount: 5 } }"
            + " | drills.retention.maxCount: must be between 10 and 100000",
        "orphan scan bound too long | drills: { orphanScanTimeout: 11m }"
            + " | drills.orphanScanTimeout: must be between 1s and 10m (the scan runs every 10 minutes)",
        "orphan scan bound zero | drills: { orphanScanTimeout: 0s }"
            + " | drills.orphanScanTimeout: must be between 1s and 10m (the scan runs every 10 minutes)",
        "unknown instance | drills: { schedules: [ { name: w, cron: '@daily', instances: [nope] } ] }"
            + " | drills.schedules[0].instances[0]: no instance named 'nope'",
        "unknown target | drills: { schedules: [ { name: w, cron: '@daily', instances: [orders-prod], targetInstance: nope } ] }"
            + " | drills.schedules[0].targetInstance: no instance named 'nope'",
        "bad expect | drills: { schedules: [ { name: w, cron: '@daily', instances: [orders-prod], checks: [ { sql: 'SELECT 1', expect: lots } ] } ] }"
            + " | drills.schedules[0].checks[0].expect: 'lots' is not an expectation",
        "check both kinds | drills: { schedules: [ { name: w, cron: '@daily', instances: [orders-prod], checks: [ { checkdb: true, sql: 'SELECT 1' } ] } ] }"
            + " | drills.schedules[0].checks[0]: set exactly one of checkdb: true or sql",
        "duplicate names | drills: { schedules: [ { name: w, cron: '@daily', instances: [orders-prod] }, { name: w, cron: '@daily', instances: [orders-prod] } ] }"
            + " | drills.schedules[1].name: 'w' is used by an earlier schedule",
        "unknown key | drills: { schedules: [ { name: w, cron: '@daily', instances: [orders-prod], sauce: x } ] }"
            + " | drills.schedules[0].sauce: unknown key",
        "s3Arn with many dbs | drills: { schedules: [ { name: w, cron: '@daily', instances: [orders-prod], s3Arn: 'arn:aws:s3:::b/k.bak' } ] }"
            + " | drills.schedules[0].databases: with a fixed s3Arn, name exactly one database",
        "short token | api: { token: short }"
            + " | api.token: must be at least 16 characters (value not shown)",
        "safety factor | drills: { spaceSafetyFactor: 0.5 }"
            + " | drills.spaceSafetyFactor: must be a number of at least 1.0",
      })
  void badConfigsNameThePathAndTheRule(String why, String yaml, String message) {
    assertThatThrownBy(() -> load(yaml + "\n"))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> assertThat(((ConfigException) e).errors()).anyMatch(m -> m.startsWith(message)));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                load(
                    "drills: { timeout: 0s, scratchPrefix: '', schedules: [ { name: w, cron: x } ] }\n"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).errors()).hasSizeGreaterThanOrEqualTo(4));
  }

  @Test
  void theTokenNeverAppearsInErrors() {
    assertThatThrownBy(() -> load("api: { token: 'sekrit' }\n"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sekrit"));
    assertThat(List.of(new ApiConfig("0123456789abcdef0123").toString()))
        .noneMatch(s -> s.contains("0123456789"));
  }
}
