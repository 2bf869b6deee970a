package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A simulated instance as the driver and a poller meet it: the statements mssql-jdbc sends on its
 * own, the server's clock and version, sys.databases, and statements the simulator does not know.
 */
class DriverSessionE2eTest extends ProdInstanceE2e {
  @Override
  String scenario() {
    return Scenario_.ONE_DB;
  }

  @Test
  void theDriversOwnStatementsAreAccepted() throws Exception {
    assertThat(c.isValid(2)).isTrue(); // SELECT 1
    c.setAutoCommit(false); // set implicit_transactions on
    assertThat(Jdbc.rows(c, "exec msdb.dbo.rds_task_status")).isEmpty();
    c.commit(); // IF @@TRANCOUNT > 0 COMMIT TRAN
    c.rollback(); // IF @@TRANCOUNT > 0 ROLLBACK TRAN
    c.setAutoCommit(true);
    c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    c.setCatalog("msdb"); // use [msdb]
    assertThat(c.getCatalog()).isEqualTo("msdb");
    assertThat(Jdbc.rows(c, "exec dbo.rds_task_status"))
        .isEmpty(); // resolves in the current database
    c.setCatalog("master");
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SET NOCOUNT ON; SET XACT_ABORT ON;\nexec msdb.dbo.rds_task_status")) {
      assertThat(rs.getMetaData().getColumnCount()).isEqualTo(14);
    }
    assertThat(c.isValid(2)).isTrue();
  }

  @Test
  void anUnsupportedStatementIsASyntaxErrorAndTheConnectionStaysUsable() throws Exception {
    Jdbc.failsWith(c, "MERGE INTO t USING s ON 1 = 1", 102, "Incorrect syntax near 'MERGE'.");
    try (Statement s = c.createStatement()) { // as a plain batch too
      assertThatThrownBy(() -> s.execute("CREATE TABLE t (id int)"))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> {
                assertThat(e.getErrorCode()).isEqualTo(102);
                assertThat(e.getMessage()).isEqualTo("Incorrect syntax near 'CREATE'.");
              });
      Jdbc.failsWith(c, "SELECT * FROM sys.objects", 208, "Invalid object name 'sys.objects'.");
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
    assertThat(c.isValid(2)).isTrue();
  }

  @Test
  void theServerClockAndVersion() throws Exception {
    h.advance(Duration.ofSeconds(90));
    Timestamp now = (Timestamp) Jdbc.scalar(c, "SELECT SYSUTCDATETIME()");
    assertThat(now.toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 11, 27, 0, 1, 30));
    String version = (String) Jdbc.scalar(c, "SELECT @@VERSION");
    assertThat(version).startsWith("Microsoft SQL Server 2022");
    String product = (String) Jdbc.scalar(c, "SELECT SERVERPROPERTY('ProductVersion')");
    assertThat(version).contains(" - " + product + " ");
    // the LOGINACK the driver read at login names the same build
    String[] build = c.getMetaData().getDatabaseProductVersion().split("\\.");
    assertThat(product)
        .startsWith(Integer.parseInt(build[0]) + "." + Integer.parseInt(build[1]) + "." + build[2]);
  }

  @Test
  void sysDatabasesWithAndWithoutWhere() throws Exception {
    String all = "SELECT name, database_id, state_desc, create_date FROM sys.databases";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(all)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnName(i) + " " + md.getColumnTypeName(i));
      }
      assertThat(columns)
          .containsExactly(
              "name nvarchar", "database_id int", "state_desc nvarchar", "create_date datetime");
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3));
      }
      assertThat(names)
          .containsExactly(
              "master/1/ONLINE",
              "tempdb/2/ONLINE",
              "model/3/ONLINE",
              "msdb/4/ONLINE",
              "rdsadmin/5/ONLINE",
              "Sales/6/ONLINE");
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(all + " WHERE name = N'SALES'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("name")).isEqualTo("Sales");
      assertThat(rs.next()).isFalse();
    }
    try (PreparedStatement ps = c.prepareStatement(all + " WHERE name = ?")) {
      ps.setString(1, "msdb");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("database_id")).isEqualTo(4);
      }
    }
  }
}
