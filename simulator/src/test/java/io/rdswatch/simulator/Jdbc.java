package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small JDBC helpers for the end-to-end tests. */
final class Jdbc {

  private Jdbc() {}

  /**
   * Runs a query (PreparedStatement with the given parameters) and returns its rows by column
   * label.
   */
  static List<Map<String, Object>> rows(Connection c, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return read(rs);
      }
    }
  }

  static List<Map<String, Object>> read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<Map<String, Object>> out = new ArrayList<>();
    while (rs.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        row.put(md.getColumnLabel(i), rs.getObject(i));
      }
      out.add(row);
    }
    return out;
  }

  static Object scalar(Connection c, String sql, Object... params) throws SQLException {
    return rows(c, sql, params).get(0).values().iterator().next();
  }

  /** The task row of rds_task_status @task_id. */
  static Map<String, Object> task(Connection c, int id) throws SQLException {
    return rows(c, "exec msdb.dbo.rds_task_status @task_id = ?", id).get(0);
  }

  /** Runs a procedure call that returns a task summary and gives its task_id. */
  static int submit(Connection c, String sql) throws SQLException {
    return ((Number) rows(c, sql).get(0).get("task_id")).intValue();
  }

  /** Asserts the statement fails with this SQL Server error number and exact message. */
  static void failsWith(Connection c, String sql, int number, String message) {
    assertThatThrownBy(() -> rows(c, sql))
        .isInstanceOf(SQLException.class)
        .hasMessage(message)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((SQLException) e).getErrorCode())
                    .isEqualTo(number));
  }
}
