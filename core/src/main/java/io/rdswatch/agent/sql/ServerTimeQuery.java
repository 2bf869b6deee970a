package io.rdswatch.agent.sql;

import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.ServerTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import microsoft.sql.DateTimeOffset;

/**
 * Reads the server's clock and offset with {@code SELECT SYSDATETIMEOFFSET()}: one small statement
 * on the poll's own connection, before the task query, so every server time of that poll is
 * converted with the offset the server has now.
 */
public final class ServerTimeQuery {

  static final String SQL = "SELECT SYSDATETIMEOFFSET()";

  private final int timeoutSeconds;

  public ServerTimeQuery(Duration timeout) {
    this.timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  /** The server's now, with its offset. */
  public OffsetDateTime now(Connection connection) throws PollException {
    try (PreparedStatement statement = connection.prepareStatement(SQL)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        return now(rs);
      }
    } catch (SQLException e) {
      throw new PollException(SqlErrors.whileQuerying(e), e.getMessage(), e.getErrorCode(), e);
    }
  }

  /**
   * The server's now from a result of {@link #SQL}, run alone or as the first statement of a batch.
   */
  static OffsetDateTime now(ResultSet rs) throws SQLException, PollException {
    if (!rs.next()) {
      throw new PollException(PollErrorKind.PARSE, "SYSDATETIMEOFFSET() returned no row");
    }
    Object value = rs.getObject(1);
    if (value == null) {
      throw new PollException(PollErrorKind.PARSE, "SYSDATETIMEOFFSET() returned NULL");
    }
    // the driver's own conversion to OffsetDateTime formats and parses a string, a sixth of a
    // steady poll's CPU
    if (value instanceof DateTimeOffset dto) {
      return OffsetDateTime.ofInstant(
          dto.getTimestamp().toInstant(), ZoneOffset.ofTotalSeconds(dto.getMinutesOffset() * 60));
    }
    return rs.getObject(1, OffsetDateTime.class);
  }

  /** The conversion for this connection's server times. */
  public ServerTime read(Connection connection) throws PollException {
    return ServerTime.of(now(connection));
  }
}
