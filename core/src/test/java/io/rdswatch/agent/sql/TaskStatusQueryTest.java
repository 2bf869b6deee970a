package io.rdswatch.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.rds.ColumnFault;
import io.rdswatch.simulator.rds.Faults;
import io.rdswatch.simulator.scenario.Scenario;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SqlConnector, TaskStatusQuery and the error kinds, with mssql-jdbc talking TDS to the simulator.
 */
class TaskStatusQueryTest {

  private static final String SCENARIO =
      """
      seed: 2
      history: 2d
      instances:
        - name: q
          databases: [{name: Sales, size_mb: 1024}, {name: HR, size_mb: 1024}]
          buckets: [{name: backups, region: us-east-1}]
          schedule: [{type: FULL, every: 12h, at: "00:10", bucket: backups}]
      """;
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private static Simulator sim;
  private final SqlConnector connector = new SqlConnector(TIMEOUT);
  private final TaskStatusQuery query = new TaskStatusQuery(TIMEOUT);

  @BeforeAll
  static void start() throws Exception {
    sim =
        Simulator.start(
            Scenario.parse(SCENARIO),
            SimulatorOptions.forTests(new ManualClock(Instant.parse("2026-03-02T00:00:00Z"))));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void clearFaults() {
    faults()
        .down(false)
        .loginFailure(false)
        .latency(Duration.ZERO)
        .dropAfterRows(-1)
        .statusColumns(ColumnFault.NONE);
  }

  @Test
  void readsEveryTaskAndFiltersWithJdbcParameters() throws Exception {
    try (Connection c = connector.open(target("admin"))) {
      List<TaskRow> all = query.all(c);
      List<TaskRow> hr = query.run(c, "HR", null);
      TaskRow one = all.get(0);

      assertThat(all).hasSize(8).extracting(TaskRow::database).containsOnly("Sales", "HR");
      assertThat(hr).hasSize(4).extracting(TaskRow::database).containsOnly("HR");
      assertThat(query.run(c, null, one.taskId())).singleElement().isEqualTo(one);
      assertThat(query.run(c, "O'Brien]; drop database HR;--", null))
          .as("a hostile name is only a parameter")
          .isEmpty();
      assertThat(one.createdAt()).isBefore(Instant.parse("2026-03-02T00:00:00Z"));
      assertThat(one.s3ObjectArn()).startsWith("arn:aws:s3:::backups/");
    }
  }

  @Test
  void columnSpellingsFromOtherEngineVersionsStillParse() throws Exception {
    faults().statusColumns(ColumnFault.renamed("duration (mins)", "duration(mins)"));
    try (Connection c = connector.open(target("admin"))) {
      assertThat(query.all(c)).hasSize(8);
    }
    faults().statusColumns(ColumnFault.extra("task_metadata"));
    try (Connection c = connector.open(target("admin"))) {
      assertThat(query.all(c)).hasSize(8);
    }
  }

  @Test
  void eachFailureHasItsKind() throws Exception {
    assertThat(kindOfConnect(target("wrong"))).isEqualTo(PollErrorKind.LOGIN);

    faults().statusColumns(ColumnFault.missing("task_info"));
    assertThat(kindOfQuery()).isEqualTo(PollErrorKind.PARSE);
    faults().statusColumns(ColumnFault.NONE).latency(Duration.ofSeconds(4));
    assertThat(kindOfQuery()).isEqualTo(PollErrorKind.TIMEOUT);
    faults().latency(Duration.ZERO).dropAfterRows(2);
    assertThat(kindOfQuery()).isEqualTo(PollErrorKind.CONNECT);
    faults().dropAfterRows(-1).down(true);
    assertThat(kindOfConnect(target("admin"))).isEqualTo(PollErrorKind.CONNECT);
  }

  @Test
  void productionDefaultsEncryptAndRdswatchOwnsCredentialsAndTimeouts() {
    InstanceTarget plain =
        new InstanceTarget(
            "p",
            "db.example",
            1433,
            "u",
            PasswordSource.literal("pw"),
            Map.of(),
            Map.of(),
            null,
            "static");
    InstanceTarget overriding =
        new InstanceTarget(
            "o",
            "db.example",
            1433,
            "u",
            PasswordSource.literal("pw"),
            Map.of(
                "encrypt",
                "false",
                "socketTimeout",
                "1",
                "hostNameInCertificate",
                "*.rds.amazonaws.com"),
            Map.of(),
            null,
            "static");

    Properties p = new SqlConnector(Duration.ofSeconds(15)).properties(plain, "pw");
    Properties o = new SqlConnector(Duration.ofMillis(1500)).properties(overriding, "pw");

    assertThat(p)
        .containsEntry("encrypt", "true")
        .containsEntry("trustServerCertificate", "false")
        .containsEntry("applicationName", "rdswatch")
        .containsEntry("loginTimeout", "15")
        .containsEntry("queryTimeout", "15")
        .containsEntry("socketTimeout", "20000");
    assertThat(o)
        .containsEntry("encrypt", "false")
        .containsEntry("hostNameInCertificate", "*.rds.amazonaws.com")
        .containsEntry("loginTimeout", "2")
        .containsEntry("socketTimeout", "6500");
  }

  private PollErrorKind kindOfConnect(InstanceTarget target) {
    return catchThrowableOfType(PollException.class, () -> connector.open(target).close()).kind();
  }

  private PollErrorKind kindOfQuery() throws Exception {
    try (Connection c = connector.open(target("admin"))) {
      return catchThrowableOfType(PollException.class, () -> query.all(c)).kind();
    }
  }

  private static Faults faults() {
    return sim.instance("q").faults();
  }

  private static InstanceTarget target(String password) {
    return new InstanceTarget(
        "q",
        "127.0.0.1",
        sim.instance("q").port(),
        "admin",
        PasswordSource.literal(password),
        Map.of("encrypt", "false"),
        Map.of(),
        null,
        "static");
  }
}
