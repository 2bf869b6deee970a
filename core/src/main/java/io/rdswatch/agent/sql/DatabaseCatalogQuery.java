package io.rdswatch.agent.sql;

import io.rdswatch.exporter.model.ServerTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists an instance's user databases: one small catalog view, no per-database work, so it costs the
 * same whatever the databases hold. The number of rows is capped (RDS allows at most a few hundred
 * databases per instance), so a strange catalog cannot make a poll unbounded.
 *
 * <p>{@code create_date} is server-local wall-clock time; it is converted with the offset the poll
 * on the same connection just measured ({@link ServerTime}, README "Time zones").
 */
public final class DatabaseCatalogQuery {

  /** Ids 1-4 are master, tempdb, model and msdb. */
  static final String SQL =
      "SELECT name, state_desc, recovery_model_desc, create_date FROM sys.databases"
          + " WHERE database_id > 4";

  /** Far above RDS's per-instance database limit. */
  static final int MAX_ROWS = 5000;

  private final int timeoutSeconds;

  public DatabaseCatalogQuery(Duration timeout) {
    this.timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  /**
   * @param time the server's offset, measured on this connection by the poll that precedes the read
   */
  public List<CatalogDatabase> read(Connection connection, ServerTime time) throws PollException {
    try (PreparedStatement ps = connection.prepareStatement(SQL)) {
      ps.setQueryTimeout(timeoutSeconds);
      ps.setMaxRows(MAX_ROWS);
      List<CatalogDatabase> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          if (name != null && !"rdsadmin".equalsIgnoreCase(name)) {
            out.add(
                new CatalogDatabase(
                    name, rs.getString(2), rs.getString(3), createDate(rs.getTimestamp(4), time)));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new PollException(
          SqlErrors.whileQuerying(e), "sys.databases: " + e.getMessage(), e.getErrorCode(), e);
    }
  }

  static Instant createDate(Timestamp created, ServerTime time) {
    return created == null ? null : time.toUtc(created.toLocalDateTime());
  }
}
