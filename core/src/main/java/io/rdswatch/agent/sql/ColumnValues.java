package io.rdswatch.agent.sql;

import io.rdswatch.exporter.model.ServerTime;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Converts whatever JDBC type a column arrives as into the value TaskRow needs. RDS does not
 * document the SQL types, so numbers may come as int, bigint, decimal or text, and times as
 * datetime, datetimeoffset or text. Times without an offset are the server's wall clock, converted
 * by {@link ServerTime}.
 */
final class ColumnValues {

  /** Builds the PARSE error for a column. */
  interface Failure {
    PollException fail(String column, String problem);
  }

  private static final DateTimeFormatter TEXT_TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter();

  private ColumnValues() {}

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  static Long number(Object value, Failure failure, String column) throws PollException {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    String s = value.toString().trim();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(s).longValue();
    } catch (NumberFormatException e) {
      throw failure.fail(column, "cannot read '" + abbreviate(s) + "' as a number");
    }
  }

  /**
   * Whether a value {@link #number} read is a whole number that fits a long, so no digit was lost.
   */
  static boolean isWhole(Object value) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return true;
    }
    try {
      new BigDecimal(value.toString().trim()).longValueExact();
      return true;
    } catch (ArithmeticException | NumberFormatException e) {
      return false;
    }
  }

  static boolean flag(Object value, Failure failure, String column) throws PollException {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.intValue() != 0;
    }
    String s = value.toString().trim();
    if (s.equals("1") || s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.isEmpty() || s.equals("0") || s.equalsIgnoreCase("false")) {
      return false;
    }
    throw failure.fail(column, "cannot read '" + abbreviate(s) + "' as 0 or 1");
  }

  static Instant instant(Object value, ServerTime time, Failure failure, String column)
      throws PollException {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      // the driver builds Timestamps in the JVM's zone; the wall-clock fields are what the server
      // sent
      return time.toUtc(t.toLocalDateTime());
    }
    if (value instanceof LocalDateTime t) {
      return time.toUtc(t);
    }
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (value instanceof microsoft.sql.DateTimeOffset t) {
      return t.getOffsetDateTime().toInstant();
    }
    String s = value.toString().trim();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return time.toUtc(LocalDateTime.parse(s, TEXT_TIME));
    } catch (DateTimeParseException e) {
      throw failure.fail(column, "cannot read '" + abbreviate(s) + "' as a date and time");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
