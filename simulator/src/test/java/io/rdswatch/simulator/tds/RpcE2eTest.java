package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerError;
import com.microsoft.sqlserver.jdbc.SQLServerException;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PreparedStatement, CallableStatement, errors and warnings through the real driver. */
class RpcE2eTest {
  @RegisterExtension static final TestServer sim = new TestServer();

  @Test
  void preparedStatementRunsThreeTimesAsExecutesqlPrepexecExecute() throws Exception {
    String sql = "SELECT ? AS a, ? AS b";
    try (PreparedStatement ps = sim.shared().prepareStatement(sql)) {
      for (int i = 0; i < 3; i++) {
        ps.setString(1, "db-" + i);
        ps.setInt(2, i);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString("P0")).isEqualTo("String:db-" + i);
          assertThat(rs.getString("P1")).isEqualTo("Integer:" + i);
        }
      }
    }
    List<FixedBackend.Call> calls = sim.backend.callsMatching("SELECT @P0 AS a");
    assertThat(calls).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(calls.get(i).sql()).isEqualTo("SELECT @P0 AS a, @P1 AS b");
      assertThat(calls.get(i).params())
          .containsExactly(Map.entry("@P0", "db-" + i), Map.entry("@P1", i));
    }
  }

  @Test
  void boundParametersOfEveryDriverTypeReachTheBackendTyped() throws Exception {
    String longText = "ü".repeat(4_500); // over 4000 chars: sent as nvarchar(max), PLP
    try (PreparedStatement ps =
        sim.shared().prepareStatement("SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?")) {
      ps.setInt(1, -7);
      ps.setLong(2, 1L << 40);
      ps.setBoolean(3, true);
      ps.setDouble(4, 2.5);
      ps.setBigDecimal(5, new BigDecimal("-123.4500"));
      ps.setString(6, longText);
      ps.setTimestamp(7, Timestamp.valueOf(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 600_000_000)));
      ps.setNull(8, Types.VARCHAR);
      ps.setBytes(9, new byte[] {1, 2, 3});
      ps.setObject(10, LocalDate.of(2023, 12, 31));
      ps.setObject(11, LocalTime.of(23, 59, 58));
      ps.setObject(12, OffsetDateTime.parse("2024-05-06T07:08:09.5+02:00"));
      ps.setShort(13, (short) -300);
      ps.setFloat(14, 1.5f);
      ps.setNull(15, Types.INTEGER);
      ps.execute();
    }
    Map<String, Object> p = sim.backend.callsMatching("SELECT @P0,@P1").get(0).params();
    assertThat(p.get("@P0")).isEqualTo(-7);
    assertThat(p.get("@P1")).isEqualTo(1L << 40);
    assertThat(p.get("@P2")).isEqualTo(true);
    assertThat(p.get("@P3")).isEqualTo(2.5);
    assertThat((BigDecimal) p.get("@P4")).isEqualByComparingTo("-123.45");
    assertThat(p.get("@P5")).isEqualTo(longText);
    assertThat(p.get("@P6")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 600_000_000));
    assertThat(p).containsEntry("@P7", null);
    assertThat(p.get("@P8")).isEqualTo(new byte[] {1, 2, 3});
    assertThat(p.get("@P9")).isEqualTo(LocalDate.of(2023, 12, 31));
    // the driver's default sendTimeAsDatetime=true sends a TIME as a datetime on 1970-01-01
    assertThat(p.get("@P10")).isEqualTo(LocalDate.EPOCH.atTime(LocalTime.of(23, 59, 58)));
    assertThat(p.get("@P11")).isEqualTo(OffsetDateTime.parse("2024-05-06T07:08:09.5+02:00"));
    assertThat(p.get("@P12")).isEqualTo((short) -300);
    assertThat(p.get("@P13")).isEqualTo(1.5);
    assertThat(p).containsEntry("@P14", null).hasSize(15);
  }

  @Test
  void varcharTimeAndDatetimeParametersFromOtherDriverSettings() throws Exception {
    String url =
        sim.url()
            + ";sendStringParametersAsUnicode=false;sendTimeAsDatetime=false;datetimeParameterType=datetime";
    try (Connection c =
            java.sql.DriverManager.getConnection(url, FixedBackend.USER, FixedBackend.PASSWORD);
        PreparedStatement ps = c.prepareStatement("SELECT ?, ?, ?, ?")) {
      ps.setString(1, "Zürich");
      ps.setObject(2, LocalTime.of(1, 2, 3, 400_000_000));
      ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 997_000_000)));
      ps.setNull(4, Types.TIMESTAMP);
      ps.execute();
    }
    Map<String, Object> p = sim.backend.callsMatching("SELECT @P0, @P1, @P2, @P3").get(0).params();
    assertThat(p.get("@P0")).isEqualTo("Zürich");
    assertThat(p.get("@P1")).isEqualTo(LocalTime.of(1, 2, 3, 400_000_000));
    assertThat(p.get("@P2")).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 997_000_000));
    assertThat(p).containsEntry("@P3", null);
  }

  @Test
  void callableStatementReachesTheBackendAsExecWithItsParameter() throws Exception {
    try (CallableStatement cs = sim.shared().prepareCall("{call msdb.dbo.rds_task_status(?)}")) {
      cs.setString(1, "sales");
      try (ResultSet rs = cs.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("task_id")).isEqualTo(7);
        assertThat(rs.getString("database_name")).isEqualTo("sales");
      }
    }
    FixedBackend.Call call = sim.backend.callsMatching("EXEC msdb.dbo.rds_task_status").get(0);
    assertThat(call.params()).containsExactly(Map.entry("@P0", "sales"));
  }

  @Test
  void returnStatusOfACallIsDeliveredAsTheOutputParameter() throws Exception {
    try (CallableStatement cs =
        sim.shared().prepareCall("{? = call msdb.dbo.rds_task_status(?)}")) {
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setString(2, "hr");
      try (ResultSet rs = cs.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("database_name")).isEqualTo("hr");
      }
      assertThat(cs.getInt(1)).isZero();
    }
    FixedBackend.Call call =
        sim.backend.callsMatching("EXEC @P0 = msdb.dbo.rds_task_status").get(0);
    assertThat(call.params())
        .containsOnlyKeys("@P0", "@P1")
        .containsEntry("@P0", null)
        .containsEntry("@P1", "hr");
  }

  @Test
  void errorsCarryNumberStateSeverityProcedureAndLine() throws Exception {
    try (Statement s = sim.shared().createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("select error"))
          .isInstanceOfSatisfying(
              SQLServerException.class,
              e -> {
                assertThat(e.getErrorCode()).isEqualTo(50000);
                assertThat(e.getMessage()).startsWith("Backup of database 'sales' failed.");
                SQLServerError err = e.getSQLServerError();
                assertThat(err.getErrorState()).isEqualTo(3);
                assertThat(err.getErrorSeverity()).isEqualTo(16);
                assertThat(err.getProcedureName()).isEqualTo("rds_backup_database");
                assertThat(err.getLineNumber()).isEqualTo(7);
                assertThat(err.getServerName()).isEqualTo("rdswatch-simulator");
              });
      // the connection is still fine afterwards
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void errorsInsideAnRpcAlsoSurface() throws Exception {
    try (PreparedStatement ps = sim.shared().prepareStatement("select error")) {
      assertThatThrownBy(ps::executeQuery)
          .isInstanceOfSatisfying(
              SQLServerException.class, e -> assertThat(e.getErrorCode()).isEqualTo(50000));
    }
  }

  @Test
  void infoMessagesBecomeWarnings() throws Exception {
    try (Statement s = sim.shared().createStatement();
        ResultSet rs = s.executeQuery("select info")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(5);
      SQLWarning w = s.getWarnings();
      assertThat((Throwable) w).isNotNull();
      assertThat(w.getErrorCode()).isEqualTo(5701);
      assertThat(w.getMessage()).isEqualTo("Changed database context to 'sales'.");
    }
  }

  @Test
  void preparedUpdateCountsArrive() throws Exception {
    try (PreparedStatement ps = sim.shared().prepareStatement("update things")) {
      assertThat(ps.executeUpdate()).isEqualTo(3);
      assertThat(ps.executeUpdate()).isEqualTo(3);
      assertThat(ps.executeUpdate()).isEqualTo(3);
    }
  }

  @Test
  void batchedPreparedStatementsChainRpcsInOneMessage() throws Exception {
    try (PreparedStatement ps = sim.shared().prepareStatement("update things where x = ?")) {
      for (int i = 0; i < 3; i++) {
        ps.setInt(1, i);
        ps.addBatch();
      }
      assertThat(ps.executeBatch()).containsExactly(3, 3, 3);
    }
    assertThat(sim.backend.callsMatching("update things where x = @P0")).hasSize(3);
  }
}
