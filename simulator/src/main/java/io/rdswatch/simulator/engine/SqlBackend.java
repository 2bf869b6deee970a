package io.rdswatch.simulator.engine;

import java.util.Map;

/**
 * The seam between the TDS protocol layer and whatever answers SQL. The protocol layer decodes
 * packets, logins, batches and RPCs; a backend (one simulated RDS instance) decides what they mean.
 * Implementations must be thread-safe: many connections call one backend at once.
 */
public interface SqlBackend {

  /** Decides a LOGIN7. Never throws for a bad password: it returns a rejection instead. */
  LoginOutcome login(Session session, String user, String password, String database);

  /**
   * Runs one request: the whole text of a SQL_BATCH (params empty), or the statement of an
   * sp_executesql/sp_prepexec/sp_execute RPC with its bound parameters, keyed by name as declared
   * ("@P0", "@db_name", ...). Parameter values are String, Integer, Long, Short, Byte, Boolean,
   * Double, BigDecimal, LocalDateTime, byte[] or null; also LocalDate, LocalTime and OffsetDateTime
   * for DATE/TIME/DATETIMEOFFSET parameters. TINYINT and SMALLINT arrive as Short, REAL as Double.
   * A procedure called by name over RPC arrives as {@code EXEC name @a=@a, @P1} with its values in
   * the map (unnamed parameters are named @P0, @P1... by position).
   */
  Reply execute(Session session, String sql, Map<String, Object> params);

  /** Refuse logins that are not encrypted, as RDS does with {@code rds.force_ssl=1}. */
  default boolean forceEncryption() {
    return false;
  }

  /** The connection has gone; release what the session owned (e.g. session-owned app locks). */
  default void disconnected(Session session) {}
}
