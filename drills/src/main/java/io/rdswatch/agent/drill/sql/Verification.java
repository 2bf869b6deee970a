package io.rdswatch.agent.drill.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The checks run against a restored scratch database. */
public final class Verification {

  private Verification() {}

  /**
   * The DBCC statement for a scratch name. DBCC takes no JDBC parameter here, so the name is
   * embedded as an N'' literal with quotes doubled; scratch names are [A-Za-z0-9_] anyway.
   */
  public static String checkdbStatement(String dbName) {
    return "DBCC CHECKDB(N'" + dbName.replace("'", "''") + "') WITH NO_INFOMSGS";
  }

  /**
   * Runs DBCC CHECKDB; returns the error messages it reported (empty when clean). Consistency
   * errors arrive as SQL errors (8928, 8939...), all chained on the one exception. An exception
   * without a single consistency error (a lost connection, a timeout, a missing permission) is
   * thrown as it is: it says nothing about the database.
   */
  public static List<String> checkdb(Connection c, String dbName, int timeout) throws SQLException {
    List<String> errors = new ArrayList<>();
    try (Statement st = c.createStatement()) {
      st.setQueryTimeout(timeout);
      st.execute(checkdbStatement(dbName));
      for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
        if (VerifyErrors.isConsistencyError(w.getErrorCode())) {
          errors.add("Msg " + w.getErrorCode() + ": " + w.getMessage());
        }
      }
    } catch (SQLException e) {
      boolean corrupt = false;
      for (SQLException x = e; x != null; x = x.getNextException()) {
        corrupt |= VerifyErrors.isConsistencyError(x.getErrorCode());
      }
      if (isTimeout(e) || !corrupt) {
        throw e;
      }
      for (SQLException x = e; x != null; x = x.getNextException()) {
        errors.add("Msg " + x.getErrorCode() + ": " + x.getMessage());
      }
    }
    return errors;
  }

  /**
   * Runs a user's check on a connection already switched to the scratch database; returns the first
   * column of the first row as text (null for no row or NULL).
   */
  public static String firstValue(Connection c, String sql, int timeout) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.setQueryTimeout(timeout);
      boolean hasResult = st.execute(sql);
      while (hasResult || st.getUpdateCount() != -1) {
        if (hasResult) {
          try (ResultSet rs = st.getResultSet()) {
            return rs.next() ? rs.getString(1) : null;
          }
        }
        hasResult = st.getMoreResults();
      }
      return null;
    }
  }

  /** mssql-jdbc reports a query timeout as SQLState HY008 ("The query has timed out"). */
  public static boolean isTimeout(SQLException e) {
    return "HY008".equals(e.getSQLState()) || e instanceof java.sql.SQLTimeoutException;
  }
}
