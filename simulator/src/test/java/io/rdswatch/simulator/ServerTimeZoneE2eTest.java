package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.scenario.Scenario;
import io.rdswatch.simulator.scenario.ScenarioException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * An instance created in another time zone serves every local time in it, through the real driver.
 */
class ServerTimeZoneE2eTest {

  private static final String FLEET =
      """
      instances:
        - name: tokyo
          timezone: Tokyo Standard Time
          databases: [{name: Sales, size_mb: 1024}]
          buckets: [{name: backups, region: us-east-1}]
        - name: seattle
          timezone: pacific standard time
        - name: plain
      """;

  @Test
  void clockFunctionsAreLocalExceptTheUtcOnes() throws Exception {
    try (SimHarness h = new SimHarness(FLEET);
        Connection c = h.connect("tokyo")) {
      Row r = clocks(c);
      assertThat(r.utc).isEqualTo(LocalDateTime.parse("2026-11-27T00:00:00"));
      assertThat(r.getUtcDate).isEqualTo(r.utc);
      assertThat(r.local).isEqualTo(LocalDateTime.parse("2026-11-27T09:00:00"));
      assertThat(r.getDate).isEqualTo(r.local);
      assertThat(r.withOffset.getOffset()).isEqualTo(ZoneOffset.ofHours(9));
      assertThat(r.withOffset.toInstant()).isEqualTo(SimHarness.T0);
    }
  }

  @Test
  void anInstanceWithoutATimeZoneIsUtc() throws Exception {
    try (SimHarness h = new SimHarness(FLEET);
        Connection c = h.connect("plain")) {
      Row r = clocks(c);
      assertThat(r.local).isEqualTo(r.utc);
      assertThat(r.withOffset.getOffset()).isEqualTo(ZoneOffset.UTC);
    }
  }

  @Test
  void taskAndCatalogTimesAreServerLocal() throws Exception {
    try (SimHarness h = new SimHarness(FLEET);
        Connection c = h.connect("tokyo")) {
      TaskRow submitted =
          h.instance("tokyo").backup(BackupRequest.full("Sales", "arn:aws:s3:::backups/s.bak"));
      h.advance(Duration.ofMinutes(30));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("exec msdb.dbo.rds_task_status")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("task_id")).isEqualTo(submitted.taskId());
        assertThat(rs.getString("lifecycle")).isEqualTo("SUCCESS");
        assertThat(rs.getTimestamp("created_at").toLocalDateTime())
            .isEqualTo(LocalDateTime.parse("2026-11-27T09:00:00"));
        LocalDateTime updated = rs.getTimestamp("last_updated").toLocalDateTime();
        assertThat(updated)
            .isAfter(LocalDateTime.parse("2026-11-27T09:00:00"))
            .isBefore(LocalDateTime.parse("2026-11-27T09:30:01"));
        // every task_info line is stamped with the same local clock
        String info = rs.getString("task_info");
        assertThat(info).startsWith("[2026-11-27 09:");
        assertThat(info.lines()).allMatch(l -> l.startsWith("[2026-11-27 09:"));
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT create_date FROM sys.databases WHERE name = 'Sales'")) {
        assertThat(rs.next()).isTrue();
        // created when the scenario was loaded, at its start
        assertThat(rs.getTimestamp(1).toLocalDateTime())
            .isEqualTo(LocalDateTime.parse("2026-11-27T09:00:00"));
      }
    }
  }

  @Test
  void daylightSavingMovesTheOffsetAsInThatZone() throws Exception {
    // US daylight saving starts on 2027-03-14 at 02:00 PST, which is 10:00 UTC
    ManualClock clock = new ManualClock(Instant.parse("2027-03-14T09:30:00Z"));
    try (Simulator sim = Simulator.start(Scenario.parse(FLEET), SimulatorOptions.forTests(clock));
        Connection c =
            DriverManager.getConnection(sim.instance("seattle").jdbcUrl(), "admin", "admin")) {
      Row before = clocks(c);
      assertThat(before.withOffset.getOffset()).isEqualTo(ZoneOffset.ofHours(-8));
      assertThat(before.local).isEqualTo(LocalDateTime.parse("2027-03-14T01:30:00"));
      clock.advance(Duration.ofHours(1));
      Row after = clocks(c);
      assertThat(after.withOffset.getOffset()).isEqualTo(ZoneOffset.ofHours(-7));
      assertThat(after.local).isEqualTo(LocalDateTime.parse("2027-03-14T03:30:00"));
      assertThat(after.utc).isEqualTo(LocalDateTime.parse("2027-03-14T10:30:00"));
    }
  }

  @Test
  void anUnknownZoneNameIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                new SimHarness(
                        """
        instances:
          - name: a
          - name: b
            timezone: Asia/Tokyo
        """)
                    .close())
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("instances[1].timezone")
        .hasMessageContaining("'Asia/Tokyo' is not an RDS for SQL Server time zone name");
  }

  private record Row(
      LocalDateTime utc,
      LocalDateTime getUtcDate,
      LocalDateTime local,
      LocalDateTime getDate,
      OffsetDateTime withOffset) {}

  private static Row clocks(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT SYSUTCDATETIME(), GETUTCDATE(), SYSDATETIME(), GETDATE(), SYSDATETIMEOFFSET()")) {
      assertThat(rs.next()).isTrue();
      return new Row(
          rs.getTimestamp(1).toLocalDateTime(),
          rs.getTimestamp(2).toLocalDateTime(),
          rs.getTimestamp(3).toLocalDateTime(),
          rs.getTimestamp(4).toLocalDateTime(),
          rs.getObject(5, OffsetDateTime.class));
    }
  }
}
