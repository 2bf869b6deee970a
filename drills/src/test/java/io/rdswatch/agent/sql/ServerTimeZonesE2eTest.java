package io.rdswatch.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rdswatch.agent.drill.sql.CatalogQueries;
import io.rdswatch.agent.drill.sql.DbRow;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.exporter.model.ServerTime;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.scenario.Scenario;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server times of instances in other time zones arrive in UTC, through mssql-jdbc and the
 * simulator.
 */
class ServerTimeZonesE2eTest {

  private static final Instant NOW = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static Simulator sim;

  @BeforeAll
  static void start() throws Exception {
    sim =
        Simulator.start(
            Scenario.parse(
                """
        seed: 3
        history: 1d
        instances:
          - name: tokyo
            timezone: Tokyo Standard Time
            databases: [{name: Sales, size_mb: 1024}]
            buckets: [{name: backups, region: us-east-1}]
            schedule: [{type: FULL, every: 6h, at: "00:10", bucket: backups}]
          - name: denver
            timezone: Mountain Standard Time
            databases: [{name: Sales, size_mb: 1024}]
            buckets: [{name: backups, region: us-east-1}]
            schedule: [{type: FULL, every: 6h, at: "00:10", bucket: backups}]
        """),
            SimulatorOptions.forTests(new ManualClock(NOW)));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void theServerTellsItsOffset() throws Exception {
    try (Connection c = open("tokyo")) {
      ServerTimeQuery q = new ServerTimeQuery(TIMEOUT);
      assertThat(q.read(c)).isEqualTo(new ServerTime(ZoneOffset.ofHours(9)));
      assertThat(q.now(c).toInstant()).isEqualTo(NOW);
    }
    try (Connection c = open("denver")) {
      assertThat(new ServerTimeQuery(TIMEOUT).read(c).offset()).isEqualTo(ZoneOffset.ofHours(-7));
    }
  }

  @Test
  void taskTimesAreTheMomentsTheServerMeant() throws Exception {
    for (String name : List.of("tokyo", "denver")) {
      List<io.rdswatch.simulator.rds.TaskRow> truth = sim.instance(name).tasks();
      try (Connection c = open(name)) {
        List<TaskRow> read = new TaskStatusQuery(TIMEOUT).all(c);
        assertThat(read).hasSize(truth.size()).isNotEmpty();
        for (int i = 0; i < read.size(); i++) {
          // DATETIME keeps time in 1/300 s steps
          assertThat(read.get(i).createdAt())
              .as(name)
              .isCloseTo(truth.get(i).createdAt(), within(4, ChronoUnit.MILLIS));
          assertThat(read.get(i).lastUpdated())
              .as(name)
              .isCloseTo(truth.get(i).lastUpdated(), within(4, ChronoUnit.MILLIS));
          assertThat(read.get(i).lastUpdated()).as(name).isBeforeOrEqualTo(NOW);
        }
      }
    }
  }

  @Test
  void databaseCreateDatesAreUtc() throws Exception {
    try (Connection c = open("tokyo")) {
      List<DbRow> dbs = CatalogQueries.databases(c, 2);
      Instant sales =
          sim.instance("tokyo")
              .rds()
              .locked(() -> sim.instance("tokyo").rds().catalog().get("Sales").createDate());
      assertThat(dbs)
          .filteredOn(d -> d.name().equals("Sales"))
          .singleElement()
          .satisfies(
              d -> assertThat(d.createDate()).isCloseTo(sales, within(4, ChronoUnit.MILLIS)));
    }
  }

  @Test
  void theCoverageCatalogReadsCreateDatesInUtcToo() throws Exception {
    try (Connection c = open("tokyo")) {
      List<CatalogDatabase> dbs =
          new DatabaseCatalogQuery(TIMEOUT).read(c, new ServerTimeQuery(TIMEOUT).read(c));
      Instant sales =
          sim.instance("tokyo")
              .rds()
              .locked(() -> sim.instance("tokyo").rds().catalog().get("Sales").createDate());
      assertThat(dbs)
          .filteredOn(d -> d.name().equals("Sales"))
          .singleElement()
          .satisfies(
              d -> assertThat(d.createDate()).isCloseTo(sales, within(4, ChronoUnit.MILLIS)));
    }
  }

  private static Connection open(String name) throws PollException {
    return new SqlConnector(TIMEOUT)
        .open(
            new InstanceTarget(
                name,
                "127.0.0.1",
                sim.instance(name).port(),
                "admin",
                PasswordSource.literal("admin"),
                Map.of("encrypt", "false"),
                Map.of(),
                null,
                "static"));
  }
}
