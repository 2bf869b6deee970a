package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rdswatch check` and `rdswatch tasks` against simulated instances over real TDS. */
class CheckAndTasksCommandTest {

  private static final String SCENARIO =
      """
      seed: 9
      history: 1d
      instances:
        - name: cli-a
          region: us-east-1
          logins:
            - {name: monitor, password: monitor-pw, execute: [rds_task_status]}
            - {name: nogrant, password: nogrant-pw, execute: []}
          databases: [{name: Sales, size_mb: 40960}, {name: Benefits, size_mb: 1024}]
          buckets: [{name: backups, region: us-east-1}, {name: far-away, region: eu-west-1}]
          schedule:
            - {type: FULL, every: 24h, at: "start-10m", databases: [Sales], bucket: backups}
            - {type: DIFFERENTIAL, every: 6h, at: "00:30", databases: [Benefits], bucket: far-away}
        - name: cli-b
      """;

  @TempDir static Path dir;
  private static SimulatedFleet fleet;

  @BeforeAll
  static void start() throws Exception {
    fleet = SimulatedFleet.start(Scenario.parse(SCENARIO));
    fleet.instance("cli-b").faults().down(true);
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  @Test
  void checkPassesWhenEveryLoginWorks() throws Exception {
    Path config =
        config(
            "good.yml",
            instance("a-admin", "cli-a", "admin", "admin"),
            instance("a-monitor", "cli-a", "monitor", "monitor-pw"));

    CliRun run = CliRun.of("check", "--config", config.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("config " + config + ": ok (2 instance(s))", "all 2 instance(s) ok");
    assertThat(line(run.out(), "a-monitor"))
        .matches("a-monitor +127\\.0\\.0\\.1:\\d+ +ok +ok +\\d+ +-");
  }

  @Test
  void checkNamesEachProblemAndFails() throws Exception {
    Path config =
        config(
            "mixed.yml",
            instance("a-admin", "cli-a", "admin", "admin"),
            instance("a-nogrant", "cli-a", "nogrant", "nogrant-pw"),
            instance("a-badpw", "cli-a", "admin", "wrong-password"),
            instance("b-down", "cli-b", "admin", "admin"));

    CliRun run = CliRun.of("check", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("config " + config + ": ok (4 instance(s))\nINSTANCE  ");
    assertThat(line(run.out(), "a-admin"))
        .matches("a-admin +127\\.0\\.0\\.1:\\d+ +ok +ok +\\d+ +-");
    assertThat(line(run.out(), "a-nogrant"))
        .contains(
            " ok ",
            " DENIED ",
            "grant EXECUTE on msdb.dbo.rds_task_status to nogrant: The EXECUTE permission was denied");
    assertThat(line(run.out(), "a-badpw"))
        .contains(" FAILED ", "login: Login failed for user 'admin'.");
    assertThat(line(run.out(), "b-down"))
        .contains("connect: The TCP/IP connection to the host 127.0.0.1");
    assertThat(run.out()).endsWith("3 of 4 instance(s) failed\n").doesNotContain("wrong-password");
  }

  @Test
  void aBadConfigExitsTwoWithEveryErrorAndNoStackTrace() {
    CliRun run = CliRun.of("check", "--config", "src/test/resources/config/bad/many-errors.yml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("src/test/resources/config/bad/many-errors.yml has the following errors:\n")
        .contains(
            "  * instances[1].port: must be between 1 and 65535\n",
            "  * poll.timeout: must be shorter than poll.interval\n")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void tasksShowsAReadableTableWithFailureReasons() throws Exception {
    Path config = config("tasks.yml", instance("a-admin", "cli-a", "admin", "admin"));

    CliRun all =
        CliRun.of(
            "tasks",
            "--config",
            config.toString(),
            "--instance",
            "a-admin",
            "--database",
            "Benefits");
    CliRun active =
        CliRun.of("tasks", "--config", config.toString(), "--instance", "a-admin", "--active");

    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.out())
        .startsWith(
            "ID  TYPE                    DATABASE  LIFECYCLE  PROGRESS  ETA  DURATION  CREATED (UTC)     REASON\n");
    String[] parts = all.out().split("\n\nREASON EVIDENCE\n", -1);
    assertThat(parts).hasSize(2);
    assertThat(parts[0].lines().skip(1))
        .isNotEmpty()
        .allSatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "\\d+ +BACKUP_DB_DIFFERENTIAL +Benefits +ERROR +\\d+% +- +\\d+m +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +s3_wrong_region"));
    // each failure's deciding task_info entry, newest first like the table
    assertThat(parts[1].lines().map(l -> l.substring(0, l.indexOf(' '))).toList())
        .isEqualTo(parts[0].lines().skip(1).map(l -> l.substring(0, l.indexOf(' '))).toList());
    assertThat(parts[1].lines())
        .allSatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "\\d+ s3_wrong_region: \\[[-0-9 :.]+] Please specify a bucket that is in the same region as RDS instance\\."));
    assertThat(active.exitCode()).isZero();
    assertThat(active.out().lines().skip(1))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .matches("\\d+ +BACKUP_DB +Sales +IN_PROGRESS +\\d+% +\\d+m +\\d+m +.* +-"));
  }

  @Test
  void tasksRejectsAnUnknownInstance() throws Exception {
    Path config = config("unknown.yml", instance("a-admin", "cli-a", "admin", "admin"));

    CliRun run = CliRun.of("tasks", "--config", config.toString(), "--instance", "nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "rdswatch tasks: no instance named 'nope' in " + config + " (instances: a-admin)\n");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"agent", "check", "tasks", "demo"}) {
      CliRun run = CliRun.of(command, "--help");

      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.out()).as(command).contains("Usage: " + command, "--help");
    }
    assertThat(CliRun.of("tasks", "--help").out())
        .contains("--config", "--instance", "--database", "--active");
    assertThat(CliRun.of("demo", "--help").out()).contains("--instances", "--http-port", "--speed");
  }

  private static String instance(String name, String simulated, String user, String password) {
    return """
          - name: %s
            host: 127.0.0.1
            port: %d
            username: %s
            password: %s
            jdbcProperties: { encrypt: "false" }
        """
        .formatted(name, fleet.instance(simulated).port(), user, password);
  }

  private static Path config(String file, String... instances) throws Exception {
    Path path = dir.resolve(file);
    Files.writeString(
        path,
        "poll: { interval: 10s, timeout: 2s }\nstateDir: "
            + dir.resolve("state")
            + "\ninstances:\n"
            + String.join("", instances));
    return path;
  }

  private static String line(String output, String startingWith) {
    return output.lines().filter(l -> l.startsWith(startingWith + " ")).findFirst().orElseThrow();
  }
}
