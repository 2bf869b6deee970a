package io.rdswatch.agent.drill.sql;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The procedures a drill calls. Every name and ARN travels as a JDBC parameter; the statement texts
 * are constants (the optional KMS parameter only switches between two constants).
 */
public final class RdsProcedures {

  static final String RESTORE =
      "EXEC msdb.dbo.rds_restore_database @restore_db_name = ?, @s3_arn_to_restore_from = ?,"
          + " @with_norecovery = ?, @type = ?";
  static final String RESTORE_KMS = RESTORE + ", @kms_master_key_arn = ?";
  static final String CANCEL = "EXEC msdb.dbo.rds_cancel_task @task_id = ?";

  /** The named form also drops a database left RESTORING by a failed restore. */
  static final String DROP = "EXEC msdb.dbo.rds_drop_database @db_name = ?";

  static final String GET_APPLOCK = "{? = call sp_getapplock(?, ?, ?, ?)}";
  static final String RELEASE_APPLOCK = "{? = call sp_releaseapplock(?, ?)}";

  private RdsProcedures() {}

  /**
   * Submits a restore. Returns the task id when the procedure reports it (RDS answers with the new
   * task's row); empty means the caller must find the task in rds_task_status.
   *
   * @param type "FULL" or "DIFFERENTIAL"
   */
  public static OptionalLong restore(
      Connection c,
      String dbName,
      String s3Arn,
      String kmsKeyArn,
      String type,
      boolean norecovery,
      int timeout)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(kmsKeyArn == null ? RESTORE : RESTORE_KMS)) {
      ps.setQueryTimeout(timeout);
      ps.setString(1, dbName);
      ps.setString(2, s3Arn);
      ps.setInt(3, norecovery ? 1 : 0);
      ps.setString(4, type);
      if (kmsKeyArn != null) {
        ps.setString(5, kmsKeyArn);
      }
      boolean hasResult = ps.execute();
      while (true) {
        if (hasResult) {
          try (ResultSet rs = ps.getResultSet()) {
            int col = taskIdColumn(rs.getMetaData());
            if (col > 0 && rs.next()) {
              return OptionalLong.of(rs.getLong(col));
            }
          }
        } else if (ps.getUpdateCount() == -1) {
          return OptionalLong.empty();
        }
        hasResult = ps.getMoreResults();
      }
    }
  }

  private static int taskIdColumn(ResultSetMetaData md) throws SQLException {
    for (int i = 1; i <= md.getColumnCount(); i++) {
      if (md.getColumnLabel(i).toLowerCase(Locale.ROOT).replace("_", "").equals("taskid")) {
        return i;
      }
    }
    return 0;
  }

  public static void cancel(Connection c, long taskId, int timeout) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CANCEL)) {
      ps.setQueryTimeout(timeout);
      ps.setInt(1, Math.toIntExact(taskId));
      ps.execute();
    }
  }

  public static void drop(Connection c, String dbName, int timeout) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DROP)) {
      ps.setQueryTimeout(timeout);
      ps.setString(1, dbName);
      ps.execute();
    }
  }

  /**
   * Takes an exclusive session-owned application lock without waiting. It lives as long as this
   * connection: a crashed agent's lock goes with its session.
   */
  public static boolean tryAppLock(Connection c, String resource, int timeout) throws SQLException {
    try (CallableStatement cs = c.prepareCall(GET_APPLOCK)) {
      cs.setQueryTimeout(timeout);
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setString(2, resource);
      cs.setString(3, "Exclusive");
      cs.setString(4, "Session");
      cs.setInt(5, 0);
      cs.execute();
      // 0 granted, 1 granted after waiting; negative: timeout, cancelled, deadlock, error
      return cs.getInt(1) >= 0;
    }
  }

  public static void releaseAppLock(Connection c, String resource, int timeout)
      throws SQLException {
    try (CallableStatement cs = c.prepareCall(RELEASE_APPLOCK)) {
      cs.setQueryTimeout(timeout);
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setString(2, resource);
      cs.setString(3, "Session");
      cs.execute();
    }
  }
}
