package io.rdswatch.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Bad scenarios are refused with a message that names the field and the rule. */
class ScenarioParserTest {

  private static void refused(String yaml, String... fragments) {
    assertThatThrownBy(() -> Scenario.parse(yaml))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContainingAll(fragments);
  }

  @Test
  void namesUnknownKeysWithTheirPath() {
    refused(
        "instances:\n  - name: a\n    databases:\n      - {name: x, size: 10}\n",
        "scenario: instances[0].databases[0].size: unknown key; known keys:",
        "size_mb");
  }

  @Test
  void namesWrongTypesAndBadValues() {
    refused(
        "instances:\n  - name: a\n    databases:\n      - {name: x, size_mb: lots}\n",
        "instances[0].databases[0].size_mb");
    refused(
        "instances:\n  - name: a\n    databases:\n      - {name: x, size_mb: 0}\n",
        "instances[0].databases[0]",
        "size_mb must be >= 1");
    refused(
        "instances:\n  - name: a\n    backup_window: \"25:00-26:00\"\n",
        "instances[0].backup_window",
        "hh24:mi-hh24:mi");
    refused(
        "instances:\n  - name: a\n    schedule: [{type: WEEKLY, every: 1h, bucket: b}]\n",
        "instances[0].schedule[0].type");
    refused(
        "instances:\n  - name: a\n    schedule: [{type: FULL, every: soon, bucket: b}]\n",
        "instances[0].schedule[0].every",
        "not a duration");
    refused(
        "instances:\n  - name: a\n    schedule: [{type: DOWNLOAD_FROM_S3, every: 1h, path: 'D:\\S3\\a.csv'}]\n",
        "instances[0].schedule[0]",
        "DOWNLOAD_FROM_S3 needs the S3 object: set bucket and key");
    refused(
        "instances:\n  - name: a\n    schedule: [{type: DELETE_FILES_ON_DISK, every: 1h}]\n",
        "instances[0].schedule[0]",
        "DELETE_FILES_ON_DISK needs path");
    refused(
        "instances:\n  - name: a\n    failure_rates: {gremlins: 0.5}\n",
        "instances[0].failure_rates.gremlins",
        "unknown failure reason",
        "s3_access_denied");
    refused(
        "instances:\n  - name: a\n    failure_rates: {engine_error: 2}\n",
        "failure_rates.engine_error",
        "0..1");
    refused(
        "instances:\n  - name: a\n    faults: {status_columns: {missing: a, extra: b}}\n",
        "instances[0].faults.status_columns: give exactly one of missing, extra or renamed");
    refused(
        "instances:\n  - name: a\n    objects: [{arn: \"arn:aws:s3:::nobucket/k.bak\"}]\n",
        "instances[0].objects[0].arn: bucket 'nobucket' is not declared");
    refused(
        "instances:\n  - name: a\n    kms_keys: [{arn: \"key-1\"}]\n",
        "instances[0].kms_keys[0].arn",
        "arn:aws:kms:");
    refused("instances:\n  - name: 'bad name!'\n", "instances[0]", "must be 1-63 letters");
  }

  @Test
  void requiresInstancesWithUniqueNames() {
    refused("seed: 3\n", "instances: at least one instance is required");
    refused("instances:\n  - name: a\n  - name: A\n", "instances[1].name: 'A' is used twice");
    refused("instances:\n  - region: us-east-1\n", "instances[0].name: required");
    refused("instances: [\n", "not valid YAML");
  }

  @Test
  void repeatsInstancesToAGivenCount() {
    Scenario s = Scenario.parse("instances:\n  - name: a\n  - name: b\n").withInstanceCount(5);
    assertThat(s.instances())
        .extracting(InstanceSpec::name)
        .containsExactly("a", "b", "a-2", "b-2", "a-3");
    assertThat(
            Scenario.parse("instances:\n  - name: a\n  - name: b\n")
                .withInstanceCount(1)
                .instances())
        .hasSize(1);
  }

  @Test
  void bindsTheNotABackupKeyAsDocumented() {
    Scenario s =
        Scenario.parse(
            "instances:\n  - name: a\n    buckets: [{name: b}]\n    objects:\n"
                + "      - {arn: \"arn:aws:s3:::b/x.bak\", source_db: X, not_a_backup: true}\n");
    assertThat(s.instances().get(0).objects().get(0).notABackup()).isTrue();
  }

  @Test
  void parsesDurations() {
    assertThat(Durations.parse("1h30m")).hasMinutes(90);
    assertThat(Durations.parse("2d")).hasHours(48);
    assertThatThrownBy(() -> Durations.parse("1x")).hasMessageContaining("not a duration");
  }

  @Test
  void aScheduleWithUntilStopsRunning() throws Exception {
    String yaml =
        """
        history: 10h
        instances:
          - name: a
            databases: [{name: Db, size_mb: 10}]
            buckets: [{name: b, region: us-east-1}]
            schedule:
              - {type: DIFFERENTIAL, every: 1h, at: "00:10", bucket: b, until: "start-4h"}
        """;
    ManualClock clock = new ManualClock(Instant.parse("2026-11-27T12:00:00Z"));
    try (Simulator sim = Simulator.start(Scenario.parse(yaml), SimulatorOptions.forTests(clock))) {
      var tasks = sim.instance("a").tasks();
      assertThat(tasks)
          .as("02:10 .. 07:10")
          .hasSize(6)
          .allSatisfy(
              t ->
                  assertThat(t.createdAt())
                      .isBeforeOrEqualTo(Instant.parse("2026-11-27T08:00:00Z")));
      clock.advance(Duration.ofHours(3));
      assertThat(sim.instance("a").tasks()).hasSize(6);
    }
    refused(yaml.replace("start-4h", "08:00"), "schedule[0].until", "start-3h");
  }
}
