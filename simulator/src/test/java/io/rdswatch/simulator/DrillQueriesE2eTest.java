package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What restore drills ask an instance before, during and after a restore. */
class DrillQueriesE2eTest extends ProdInstanceE2e {
  @Override
  String scenario() {
    return """
        instances:
          - name: prod
            storage_gb: 100
            free_gb: 40
            databases:
              - {name: Sales, size_mb: 10240, tables: {Orders: 1200, Lines: 5000}}
            buckets: [{name: backups}]
            objects:
              - {arn: "arn:aws:s3:::backups/bad.bak", source_db: Sales, size_mb: 2048, corrupt: true, tables: {Orders: 9}}
        """;
  }

  @Test
  void sysDatabasesByNameAndCount() throws Exception {
    List<Map<String, Object>> rows =
        Jdbc.rows(
            c,
            "SELECT name, database_id, state_desc, create_date FROM sys.databases WHERE name = ?",
            "sales");
    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r)
                  .containsEntry("name", "Sales")
                  .containsEntry("database_id", 6)
                  .containsEntry("state_desc", "ONLINE");
              assertThat(r.get("create_date")).isInstanceOf(Timestamp.class);
            });
    assertThat(Jdbc.rows(c, "SELECT name FROM sys.databases WHERE name = N'Nope'")).isEmpty();
    assertThat(
            Jdbc.scalar(
                c,
                "SELECT COUNT(*) FROM sys.databases WHERE database_id > 4 AND name <> 'rdsadmin'"))
        .isEqualTo(1);
    assertThat(Jdbc.rows(c, "SELECT name FROM sys.databases ORDER BY database_id DESC"))
        .first()
        .extracting(r -> r.get("name"))
        .isEqualTo("Sales");
  }

  @Test
  void databaseSizeAndVolumeFreeSpace() throws Exception {
    assertThat(
            Jdbc.scalar(
                c, "SELECT SUM(size) FROM sys.master_files WHERE database_id = DB_ID(N'Sales')"))
        .isEqualTo(10240L * 128);
    assertThat(
            Jdbc.scalar(
                c,
                "SELECT SUM(CAST(size AS BIGINT)) * 8 * 1024 AS bytes FROM sys.master_files WHERE database_id = DB_ID(?)",
                "Sales"))
        .isEqualTo(10240L << 20);
    Map<String, Object> volume =
        Jdbc.rows(
                c,
                "SELECT DISTINCT vs.volume_mount_point, vs.total_bytes, vs.available_bytes FROM sys.master_files AS f "
                    + "CROSS APPLY sys.dm_os_volume_stats(f.database_id, f.file_id) AS vs")
            .get(0);
    assertThat(volume)
        .containsEntry("volume_mount_point", "D:\\")
        .containsEntry("total_bytes", 100L << 30)
        .containsEntry("available_bytes", 40L << 30);
    assertThat(
            Jdbc.scalar(
                c, "SELECT available_bytes FROM sys.dm_os_volume_stats(DB_ID(N'Sales'), 1)"))
        .isEqualTo(40L << 30);
    h.instance("prod").rds().freeBytes(1L << 30);
    assertThat(Jdbc.scalar(c, "SELECT available_bytes FROM sys.dm_os_volume_stats(1, 1)"))
        .isEqualTo(1L << 30);
  }

  @Test
  void appLocksAreExclusivePerSessionAndReleasedOnDisconnect() throws Exception {
    try (Connection other = h.connect("prod")) {
      assertThat(getAppLock(c)).isZero();
      assertThat(getAppLock(other)).isEqualTo(-1);
      assertThat(releaseAppLock(c)).isZero();
      assertThat(getAppLock(other)).isZero();
    }
    // the server notices the disconnect on its own thread
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !h.instance("prod").rds().appLocks().isHeld("master", "rdswatch-drill:Sales"));
    assertThat(getAppLock(c)).isZero();
    assertThatThrownBy(
            () -> {
              try (Connection third = h.connect("prod")) {
                releaseAppLock(third);
              }
            })
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("because it is not currently held");
  }

  @Test
  void restoredDatabaseCanBeCheckedCountedAndDropped() throws Exception {
    int ok =
        Jdbc.submit(
            c,
            "exec msdb.dbo.rds_backup_database @source_db_name='Sales', "
                + "@s3_arn_to_backup_to='arn:aws:s3:::backups/good.bak'");
    h.advance(Duration.ofMinutes(8));
    assertThat(Jdbc.task(c, ok)).containsEntry("lifecycle", "SUCCESS");
    int restore =
        Jdbc.submit(
            c,
            "exec msdb.dbo.rds_restore_database @restore_db_name='rdswatch_drill_sales', "
                + "@s3_arn_to_restore_from='arn:aws:s3:::backups/good.bak'");
    h.advance(Duration.ofMinutes(8));
    assertThat(Jdbc.task(c, restore)).containsEntry("lifecycle", "SUCCESS");
    assertThat(h.instance("prod").rds().freeBytes()).isEqualTo(30L << 30);
    try (Statement s = c.createStatement()) {
      s.execute("DBCC CHECKDB(N'rdswatch_drill_sales') WITH NO_INFOMSGS");
      assertThat((Object) s.getWarnings()).isNull();
      s.execute("USE [rdswatch_drill_sales]");
    }
    assertThat(Jdbc.scalar(c, "SELECT COUNT_BIG(*) FROM dbo.Orders")).isEqualTo(1200L);
    assertThat(Jdbc.scalar(c, "SELECT COUNT(*) FROM Lines")).isEqualTo(5000);
    Jdbc.failsWith(
        c, "SELECT COUNT(*) FROM dbo.Missing", 208, "Invalid object name 'dbo.Missing'.");
    try (Statement s = c.createStatement()) {
      s.execute("USE master");
      s.execute("exec msdb.dbo.rds_drop_database N'rdswatch_drill_sales'");
    }
    assertThat(
            Jdbc.rows(
                c,
                "SELECT name FROM sys.databases WHERE name LIKE 'rdswatch[_]drill%' OR name LIKE 'rdswatch_drill%'"))
        .isEmpty();
  }

  @Test
  void checkdbReportsCorruptionOfADatabaseRestoredFromACorruptObject() throws Exception {
    Jdbc.submit(
        c,
        "exec msdb.dbo.rds_restore_database @restore_db_name='bad', "
            + "@s3_arn_to_restore_from='arn:aws:s3:::backups/bad.bak'");
    h.advance(Duration.ofMinutes(5));
    assertThatThrownBy(
            () -> {
              try (Statement s = c.createStatement()) {
                s.execute("DBCC CHECKDB(N'bad') WITH NO_INFOMSGS");
              }
            })
        .isInstanceOf(SQLException.class)
        .satisfies(
            e -> {
              SQLException first = (SQLException) e;
              assertThat(first.getErrorCode()).isEqualTo(8939);
              assertThat(first.getMessage()).startsWith("Table error: Object ID 901578250");
              SQLException second = first.getNextException();
              assertThat((Object) second)
                  .as("the driver chains the batch's second error")
                  .isNotNull();
              assertThat(second.getErrorCode()).isEqualTo(8928);
              assertThat(second.getMessage())
                  .contains("could not be processed.  See other errors for details.");
            });
    try (Statement s = c.createStatement()) {
      s.execute("DBCC CHECKDB(N'Sales')");
      SQLWarning w = s.getWarnings();
      assertThat(w.getMessage())
          .isEqualTo(
              "CHECKDB found 0 allocation errors and 0 consistency errors in database 'Sales'.");
    }
  }

  @Test
  void taskStatusFunctionFiltersAndOrders() throws Exception {
    for (int i = 0; i < 3; i++) {
      Jdbc.submit(
          c,
          "exec msdb.dbo.rds_backup_database @source_db_name='Sales', "
              + "@s3_arn_to_backup_to='arn:aws:s3:::backups/f"
              + i
              + ".bak'");
      h.advance(Duration.ofHours(1));
    }
    Timestamp since = Timestamp.valueOf("2026-11-27 00:30:00");
    assertThat(
            Jdbc.rows(
                c,
                "SELECT task_id, lifecycle FROM msdb.dbo.rds_fn_task_status(NULL, 0) "
                    + "WHERE created_at >= ? ORDER BY task_id DESC",
                since))
        .extracting(r -> r.get("task_id"))
        .containsExactly(3, 2);
    assertThat(Jdbc.rows(c, "SELECT * FROM msdb.dbo.rds_fn_task_status('Sales', 2)")).hasSize(1);
  }

  private static int getAppLock(Connection c) throws SQLException {
    try (CallableStatement cs = c.prepareCall("{? = call sp_getapplock(?, ?, ?, ?)}")) {
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setString(2, "rdswatch-drill:Sales");
      cs.setString(3, "Exclusive");
      cs.setString(4, "Session");
      cs.setInt(5, 0);
      cs.execute();
      return cs.getInt(1);
    }
  }

  private static int releaseAppLock(Connection c) throws SQLException {
    try (CallableStatement cs =
        c.prepareCall("{? = call sp_releaseapplock(@Resource = ?, @LockOwner = ?)}")) {
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setString(2, "rdswatch-drill:Sales");
      cs.setString(3, "Session");
      cs.execute();
      return cs.getInt(1);
    }
  }
}
