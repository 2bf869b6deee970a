package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a client may call rds_task_status (docs/rds-facts.md, "Call forms"):
 * with @db_name, @task_id, both or neither; named or positional; as literal text (a SQL batch) or
 * JDBC-parameterised (sp_executesql, then sp_prepexec, then sp_execute, as the driver moves on when
 * a statement is re-run).
 */
class TaskStatusCallFormsE2eTest extends ProdInstanceE2e {
  int sales1;
  int hr;
  int sales2;

  @Override
  String scenario() {
    return """
        instances:
          - name: prod
            databases: [{name: Sales, size_mb: 1024}, {name: Hr, size_mb: 1024}]
            buckets: [{name: backups}]
        """;
  }

  @BeforeEach
  void submitTasks() throws Exception {
    sales1 = submit("Sales", "a.bak");
    hr = submit("Hr", "b.bak");
    sales2 = submit("Sales", "c.bak");
  }

  @Test
  void literalCallsNamedAndPositional() throws Exception {
    assertThat(literal("exec msdb.dbo.rds_task_status")).containsExactly(sales1, hr, sales2);
    assertThat(literal("EXECUTE msdb.dbo.rds_task_status;")).containsExactly(sales1, hr, sales2);
    assertThat(literal("exec msdb.dbo.rds_task_status @db_name='Sales'"))
        .containsExactly(sales1, sales2);
    assertThat(literal("exec msdb.dbo.rds_task_status @task_id=" + hr)).containsExactly(hr);
    assertThat(literal("exec msdb.dbo.rds_task_status @db_name=N'sales', @task_id=" + sales2))
        .containsExactly(sales2);
    assertThat(literal("exec msdb.dbo.rds_task_status @task_id=" + sales2 + ", @db_name=N'Sales'"))
        .containsExactly(sales2);
    assertThat(literal("exec msdb.dbo.rds_task_status @db_name='Hr', @task_id=" + sales2))
        .isEmpty();
    assertThat(literal("exec msdb.dbo.rds_task_status 'Hr'")).containsExactly(hr);
    assertThat(literal("exec msdb.dbo.rds_task_status N'Sales', " + sales1))
        .containsExactly(sales1);
    assertThat(literal("exec msdb.dbo.rds_task_status NULL, " + hr)).containsExactly(hr);
    assertThat(literal("exec msdb.dbo.rds_task_status 'Sales', @task_id=" + sales2))
        .containsExactly(sales2);
  }

  @Test
  void parameterisedCallsNamedAndPositionalEachRunThreeTimes() throws Exception {
    assertThat(prepared("exec msdb.dbo.rds_task_status @db_name=?", "Sales"))
        .containsExactly(sales1, sales2);
    assertThat(prepared("exec msdb.dbo.rds_task_status @task_id=?", hr)).containsExactly(hr);
    assertThat(prepared("exec msdb.dbo.rds_task_status @db_name=?, @task_id=?", "Sales", sales2))
        .containsExactly(sales2);
    assertThat(prepared("exec msdb.dbo.rds_task_status ?", "Hr")).containsExactly(hr);
    assertThat(prepared("exec msdb.dbo.rds_task_status ?, ?", "Sales", sales1))
        .containsExactly(sales1);
    assertThat(prepared("exec msdb.dbo.rds_task_status ?, ?", null, hr)).containsExactly(hr);
  }

  @Test
  void callableStatementsPositionalAndNamed() throws Exception {
    try (CallableStatement cs = c.prepareCall("{call msdb.dbo.rds_task_status}")) {
      assertThat(ids(cs.executeQuery())).containsExactly(sales1, hr, sales2);
    }
    try (CallableStatement cs = c.prepareCall("{call msdb.dbo.rds_task_status(?)}")) {
      cs.setString(1, "Hr");
      assertThat(ids(cs.executeQuery())).containsExactly(hr);
    }
    try (CallableStatement cs = c.prepareCall("{call msdb.dbo.rds_task_status(?, ?)}")) {
      cs.setInt(
          "task_id", sales2); // named: the driver asks sp_sproc_columns for the parameter names
      cs.setNull("db_name", Types.NVARCHAR);
      assertThat(ids(cs.executeQuery())).containsExactly(sales2);
    }
    try (CallableStatement cs = c.prepareCall("{call msdb.dbo.rds_task_status(?, ?)}")) {
      for (int round = 0; round < 3; round++) {
        cs.setNull(1, Types.NVARCHAR);
        cs.setInt(2, round == 0 ? sales1 : hr);
        assertThat(ids(cs.executeQuery())).containsExactly(round == 0 ? sales1 : hr);
      }
    }
  }

  private int submit(String db, String key) throws Exception {
    return Jdbc.submit(
        c,
        "exec msdb.dbo.rds_backup_database @source_db_name='"
            + db
            + "', @s3_arn_to_backup_to='arn:aws:s3:::backups/"
            + key
            + "'");
  }

  private List<Integer> literal(String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      return ids(s.executeQuery(sql));
    }
  }

  /** Runs the statement three times (executesql, prepexec, execute); every run must agree. */
  private List<Integer> prepared(String sql, Object... params) throws Exception {
    List<List<Integer>> runs = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < params.length; i++) {
          if (params[i] == null) {
            ps.setNull(i + 1, Types.NVARCHAR);
          } else {
            ps.setObject(i + 1, params[i]);
          }
        }
        runs.add(ids(ps.executeQuery()));
      }
    }
    assertThat(runs).as(sql).allSatisfy(r -> assertThat(r).isEqualTo(runs.get(0)));
    return runs.get(0);
  }

  private static List<Integer> ids(ResultSet rs) throws Exception {
    try (rs) {
      assertThat(rs.getMetaData().getColumnCount()).isEqualTo(14);
      List<Integer> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getInt("task_id"));
      }
      return ids;
    }
  }
}
