package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Plain Statement batches read back through the real driver. */
class QueryE2eTest {
  @RegisterExtension static final TestServer sim = new TestServer();

  @Test
  void everySqlTypeReadsBackWithValuesAndNulls() throws Exception {
    try (Statement s = sim.shared().createStatement();
        ResultSet rs = s.executeQuery("select types")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(9);
      assertThat(md.getColumnType(1)).isEqualTo(Types.INTEGER);
      assertThat(md.getColumnType(2)).isEqualTo(Types.BIGINT);
      assertThat(md.getColumnType(3)).isEqualTo(Types.BIT);
      assertThat(md.getColumnType(4)).isEqualTo(Types.DOUBLE);
      assertThat(md.getColumnType(5)).isEqualTo(Types.DECIMAL);
      assertThat(md.getColumnTypeName(6)).isEqualTo("nvarchar");
      assertThat(md.getPrecision(6)).isEqualTo(4000);
      assertThat(md.getColumnTypeName(7)).isEqualTo("nvarchar");
      assertThat(md.getColumnTypeName(8)).isEqualTo("datetime");
      assertThat(md.getColumnTypeName(9)).isEqualTo("datetimeoffset");
      assertThat(md.getColumnName(6)).isEqualTo("s");

      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("i")).isEqualTo(-42);
      assertThat(rs.getLong("b")).isEqualTo(9_000_000_000L);
      assertThat(rs.getBoolean("bit")).isTrue();
      assertThat(rs.getDouble("f")).isEqualTo(3.25);
      assertThat(rs.getBigDecimal("d")).isEqualByComparingTo(new BigDecimal("-12345.67"));
      assertThat(rs.getString("s")).isEqualTo(FixedBackend.UNICODE);
      assertThat(rs.getString("m")).isEqualTo("max " + FixedBackend.UNICODE);
      // DATETIME keeps 1/300 s: .120 survives exactly
      assertThat(rs.getObject("dt", LocalDateTime.class)).isEqualTo(FixedBackend.WHEN);
      assertThat(rs.getObject("dto", OffsetDateTime.class)).isEqualTo(FixedBackend.WHEN_OFFSET);

      assertThat(rs.next()).isTrue();
      for (int i = 1; i <= 9; i++) {
        assertThat(rs.getObject(i)).as("column %d", i).isNull();
        assertThat(rs.wasNull()).isTrue();
      }
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void aValueLongerThanOnePacketArrivesWhole() throws Exception {
    try (Statement s = sim.shared().createStatement();
        ResultSet rs = s.executeQuery("select big")) {
      assertThat(rs.next()).isTrue();
      String big = rs.getString(1);
      assertThat(big.length()).isEqualTo(20_000);
      assertThat(big.equals(FixedBackend.BIG)).as("20,000 chars equal").isTrue();
    }
  }

  @Test
  void fiveThousandRowsArriveInOrder() throws Exception {
    try (Statement s = sim.shared().createStatement();
        ResultSet rs = s.executeQuery("select many")) {
      int n = 0;
      while (rs.next()) {
        assertThat(rs.getInt(1)).isEqualTo(n);
        assertThat(rs.getString(2)).isEqualTo("row " + n);
        n++;
      }
      assertThat(n).isEqualTo(FixedBackend.MANY_ROWS);
    }
  }

  @Test
  void aBackendValueOfTheWrongTypeIsAnErrorNamingTheColumnNotABrokenStream() throws Exception {
    try (Statement s = sim.shared().createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("select badvalue"))
          .isInstanceOf(java.sql.SQLException.class)
          .hasMessageContaining("column 'task_id' is INT");
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void updateCountsAndEmptyBatches() throws Exception {
    try (Statement s = sim.shared().createStatement()) {
      assertThat(s.executeUpdate("update things")).isEqualTo(3);
      assertThat(s.execute("SET NOCOUNT ON")).isFalse();
      assertThat(s.getUpdateCount()).isEqualTo(-1);
    }
  }
}
