package io.rdswatch.agent.drill.sql;

import io.rdswatch.agent.sql.PollException;
import io.rdswatch.agent.sql.ServerTimeQuery;
import io.rdswatch.exporter.model.ServerTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** What the drill reads from an instance's catalog: databases, their sizes, free volume space. */
public final class CatalogQueries {

  static final String DATABASES =
      "SELECT name, database_id, state_desc, create_date FROM sys.databases";
  static final String DATABASE = DATABASES + " WHERE name = ?";

  /** size is in 8 KB pages, per file. */
  static final String ALLOCATED_BYTES =
      "SELECT SUM(CAST(size AS bigint)) * 8192 FROM sys.master_files WHERE database_id = DB_ID(?)";

  /** Free space of the volume(s) holding the instance's files; the smallest is what limits us. */
  static final String FREE_BYTES =
      "SELECT MIN(vs.available_bytes) FROM sys.master_files AS mf"
          + " CROSS APPLY sys.dm_os_volume_stats(mf.database_id, mf.file_id) AS vs";

  static final String RECOVERY_MODEL =
      "SELECT recovery_model_desc FROM sys.databases WHERE name = ?";

  private CatalogQueries() {}

  public static List<DbRow> databases(Connection c, int timeoutSeconds) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DATABASES)) {
      ps.setQueryTimeout(timeoutSeconds);
      return rows(ps, serverTime(c, timeoutSeconds));
    }
  }

  /** The database of that name as SQL Server compares names (its collation ignores case). */
  public static List<DbRow> database(Connection c, String name, int timeoutSeconds)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DATABASE)) {
      ps.setQueryTimeout(timeoutSeconds);
      ps.setString(1, name);
      return rows(ps, serverTime(c, timeoutSeconds));
    }
  }

  /** Allocated bytes of all files of {@code db}; empty when the database is not there. */
  public static OptionalLong allocatedBytes(Connection c, String db, int timeoutSeconds)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ALLOCATED_BYTES)) {
      ps.setQueryTimeout(timeoutSeconds);
      ps.setString(1, db);
      return single(ps);
    }
  }

  public static OptionalLong freeBytes(Connection c, int timeoutSeconds) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FREE_BYTES)) {
      ps.setQueryTimeout(timeoutSeconds);
      return single(ps);
    }
  }

  /**
   * recovery_model_desc of {@code db} (FULL, BULK_LOGGED, SIMPLE); empty when the database is not
   * there.
   */
  public static java.util.Optional<String> recoveryModel(
      Connection c, String db, int timeoutSeconds) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RECOVERY_MODEL)) {
      ps.setQueryTimeout(timeoutSeconds);
      ps.setString(1, db);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? java.util.Optional.ofNullable(rs.getString(1))
            : java.util.Optional.empty();
      }
    }
  }

  private static OptionalLong single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return OptionalLong.empty();
      }
      long v = rs.getLong(1);
      return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }
  }

  /** create_date is the server's wall clock: its offset now converts it. */
  private static ServerTime serverTime(Connection c, int timeoutSeconds) throws SQLException {
    try {
      return new ServerTimeQuery(Duration.ofSeconds(timeoutSeconds)).read(c);
    } catch (PollException e) {
      throw new SQLException("SYSDATETIMEOFFSET(): " + e.getMessage(), null, e.sqlErrorNumber(), e);
    }
  }

  private static List<DbRow> rows(PreparedStatement ps, ServerTime time) throws SQLException {
    List<DbRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Timestamp created = rs.getTimestamp(4);
        out.add(
            new DbRow(
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                created == null ? null : time.toUtc(created.toLocalDateTime())));
      }
    }
    return out;
  }
}
