package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rds_* procedure through the real driver: call forms, parameters, results. */
class ProceduresE2eTest extends ProdInstanceE2e {
  @Override
  String scenario() {
    return """
        instances:
          - name: prod
            databases:
              - {name: Sales, size_mb: 10240, tables: {Orders: 1200}}
              - {name: Hr, size_mb: 2048}
            buckets: [{name: backups, region: us-east-1}]
            kms_keys: [{arn: "arn:aws:kms:us-east-1:123456789012:key/k1"}]
        """;
  }

  @Test
  void taskStatusHasTheFourteenDocumentedColumnsInOrder() throws Exception {
    Jdbc.submit(
        c,
        "exec msdb.dbo.rds_backup_database @source_db_name='Sales', @s3_arn_to_backup_to='arn:aws:s3:::backups/s.bak'");
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("exec msdb.dbo.rds_task_status")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnName(i));
        types.add(md.getColumnTypeName(i));
      }
      assertThat(names)
          .containsExactly(
              "task_id",
              "task_type",
              "database_name",
              "% complete",
              "duration(mins)",
              "lifecycle",
              "task_info",
              "last_updated",
              "created_at",
              "S3_object_arn",
              "overwrite_s3_backup_file",
              "KMS_master_key_arn",
              "filepath",
              "overwrite_file");
      assertThat(types)
          .containsExactly(
              "int",
              "nvarchar",
              "nvarchar",
              "int",
              "int",
              "nvarchar",
              "nvarchar",
              "datetime",
              "datetime",
              "nvarchar",
              "int",
              "nvarchar",
              "nvarchar",
              "int");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("lifecycle")).isEqualTo("CREATED");
      assertThat(rs.getTimestamp("created_at").toLocalDateTime())
          .isEqualTo(SimHarness.T0.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime());
    }
  }

  @Test
  void taskStatusFiltersByDatabaseTaskIdBothOrNeither() throws Exception {
    int sales = Jdbc.submit(c, backup("Sales", "a.bak"));
    int hr = Jdbc.submit(c, backup("Hr", "b.bak"));
    int sales2 = Jdbc.submit(c, backup("sales", "c.bak"));
    assertThat(ids("exec msdb.dbo.rds_task_status")).containsExactly(sales, hr, sales2);
    assertThat(ids("exec msdb.dbo.rds_task_status @db_name='SALES'"))
        .containsExactly(sales, sales2);
    assertThat(ids("exec msdb.dbo.rds_task_status 'Hr'")).containsExactly(hr);
    assertThat(ids("exec msdb.dbo.rds_task_status @task_id=" + hr)).containsExactly(hr);
    assertThat(ids("exec msdb.dbo.rds_task_status @db_name=N'Sales', @task_id=" + sales2))
        .containsExactly(sales2);
    assertThat(ids("exec msdb.dbo.rds_task_status @db_name=N'Hr', @task_id=" + sales2)).isEmpty();
    assertThat(Jdbc.rows(c, "exec msdb.dbo.rds_task_status @db_name=?, @task_id=?", "Sales", sales))
        .extracting(r -> r.get("task_id"))
        .containsExactly(sales);
    assertThat(Jdbc.rows(c, "exec msdb.dbo.rds_task_status @db_name=?", "Sales")).hasSize(2);
  }

  @Test
  void callableStatementWorksPositionallyAndWithNamedParameters() throws Exception {
    int sales = Jdbc.submit(c, backup("Sales", "a.bak"));
    Jdbc.submit(c, backup("Hr", "b.bak"));
    try (CallableStatement cs = c.prepareCall("{call msdb.dbo.rds_task_status(?, ?)}")) {
      cs.setString(1, "Sales");
      cs.setNull(2, Types.INTEGER);
      try (ResultSet rs = cs.executeQuery()) {
        assertThat(Jdbc.read(rs)).extracting(r -> r.get("task_id")).containsExactly(sales);
      }
    }
    for (int round = 0; round < 3; round++) { // sp_executesql, then sp_prepexec, then sp_execute
      try (CallableStatement cs = c.prepareCall("{call msdb.dbo.rds_task_status(?, ?)}")) {
        cs.setInt("task_id", sales);
        cs.setString("db_name", "Sales");
        try (ResultSet rs = cs.executeQuery()) {
          assertThat(Jdbc.read(rs))
              .extracting(r -> r.get("database_name"))
              .containsExactly("Sales");
        }
      }
    }
  }

  @Test
  void backupTakesEveryDocumentedParameterAndReturnsStatusZero() throws Exception {
    try (CallableStatement cs =
        c.prepareCall("{? = call msdb.dbo.rds_backup_database(?, ?, ?, ?, ?, ?)}")) {
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setString(2, "Sales");
      cs.setString(3, "arn:aws:s3:::backups/sales/diff*.bak");
      cs.setString(4, "arn:aws:kms:us-east-1:123456789012:key/k1");
      cs.setInt(5, 1);
      cs.setString(6, "DIFFERENTIAL");
      cs.setInt(7, 4);
      try (ResultSet rs = cs.executeQuery()) {
        Map<String, Object> row = Jdbc.read(rs).get(0);
        assertThat(row)
            .containsEntry("task_type", "BACKUP_DB_DIFFERENTIAL")
            .containsEntry("lifecycle", "CREATED")
            .containsEntry("overwrite_S3_backup_file", 1)
            .containsEntry("KMS_master_key_arn", "arn:aws:kms:us-east-1:123456789012:key/k1");
      }
      assertThat(cs.getInt(1)).isZero();
    }
    h.advance(Duration.ofMinutes(10));
    assertThat(
            h.instance("prod")
                .rds()
                .locked(() -> h.instance("prod").rds().s3().bucket("backups").list("sales/")))
        .extracting(o -> o.location().key())
        .containsExactly(
            "sales/diff1-of-4.bak",
            "sales/diff2-of-4.bak",
            "sales/diff3-of-4.bak",
            "sales/diff4-of-4.bak");
    assertThat(Jdbc.task(c, 1))
        .containsEntry("lifecycle", "SUCCESS")
        .containsEntry("% complete", 100);
  }

  @Test
  void restoreCancelFinishAndDropWork() throws Exception {
    Jdbc.submit(c, backup("Sales", "full.bak"));
    h.advance(Duration.ofMinutes(10));
    int restore =
        Jdbc.submit(
            c,
            "exec msdb.dbo.rds_restore_database @restore_db_name='Copy', "
                + "@s3_arn_to_restore_from='arn:aws:s3:::backups/full.bak', @with_norecovery=1, @type='FULL'");
    assertThat(Jdbc.task(c, restore)).containsEntry("task_type", "RESTORE_DB_NORECOVERY");
    h.advance(Duration.ofMinutes(10));
    assertThat(state("Copy")).isEqualTo("RESTORING");
    int finish = Jdbc.submit(c, "exec msdb.dbo.rds_finish_restore @db_name='Copy'");
    h.advance(Duration.ofMinutes(3));
    assertThat(Jdbc.task(c, finish))
        .containsEntry("task_type", "FINISH_RESTORE")
        .containsEntry("lifecycle", "SUCCESS");
    assertThat(state("Copy")).isEqualTo("ONLINE");

    try (Statement s = c.createStatement()) {
      s.execute("EXECUTE msdb.dbo.rds_drop_database N'Copy'");
    }
    assertThat(Jdbc.rows(c, "SELECT name FROM sys.databases WHERE name = ?", "Copy")).isEmpty();

    int second =
        Jdbc.submit(
            c,
            "exec msdb.dbo.rds_restore_database @restore_db_name='Copy2', "
                + "@s3_arn_to_restore_from='arn:aws:s3:::backups/full.bak'");
    h.advance(Duration.ofMinutes(2));
    assertThat(Jdbc.rows(c, "exec msdb.dbo.rds_cancel_task @task_id=?", second).get(0))
        .containsEntry("lifecycle", "CANCEL_REQUESTED");
    h.advance(Duration.ofMinutes(1));
    assertThat(Jdbc.task(c, second)).containsEntry("lifecycle", "CANCELLED");
    assertThat(Jdbc.rows(c, "SELECT name FROM sys.databases WHERE name = N'Copy2'")).isEmpty();

    Jdbc.submit(
        c,
        "exec msdb.dbo.rds_restore_database @restore_db_name='Copy3', "
            + "@s3_arn_to_restore_from='arn:aws:s3:::backups/full.bak', @with_norecovery=1");
    h.advance(Duration.ofMinutes(10));
    try (Statement s = c.createStatement()) {
      s.execute("exec msdb.dbo.rds_drop_database @db_name='Copy3'");
    }
    assertThat(Jdbc.rows(c, "SELECT name FROM sys.databases WHERE name = N'Copy3'")).isEmpty();
  }

  private String state(String db) throws Exception {
    return (String) Jdbc.scalar(c, "SELECT state_desc FROM sys.databases WHERE name = ?", db);
  }

  private List<Object> ids(String sql) throws Exception {
    return Jdbc.rows(c, sql).stream().map(r -> r.get("task_id")).toList();
  }

  private static String backup(String db, String key) {
    return "exec msdb.dbo.rds_backup_database @source_db_name=N'"
        + db
        + "', @s3_arn_to_backup_to=N'arn:aws:s3:::backups/"
        + key
        + "'";
  }
}
