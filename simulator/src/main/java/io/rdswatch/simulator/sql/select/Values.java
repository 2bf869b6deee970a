package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.SqlMessage;
import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Typing, conversion and comparison of SELECT values, following SQL Server's CI collation. */
public final class Values {

  private Values() {}

  /** The SQL type a Java value (a literal or a bound parameter) stands for. */
  public static SqlType typeOf(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return SqlType.INT;
    }
    if (v instanceof Long) {
      return SqlType.BIGINT;
    }
    if (v instanceof Boolean) {
      return SqlType.BIT;
    }
    if (v instanceof Double || v instanceof Float) {
      return SqlType.FLOAT;
    }
    if (v instanceof BigDecimal) {
      return SqlType.DECIMAL;
    }
    if (v instanceof LocalDateTime) {
      return SqlType.DATETIME;
    }
    if (v instanceof OffsetDateTime) {
      return SqlType.DATETIMEOFFSET;
    }
    if (v == null) {
      return SqlType.INT;
    }
    return v.toString().length() > 4000 ? SqlType.NVARCHAR_MAX : SqlType.NVARCHAR;
  }

  /** Normalises a bound parameter to the Java type its SQL type uses. */
  public static Object normalise(Object v) {
    if (v instanceof Short s) {
      return (int) s;
    }
    if (v instanceof Byte b) {
      return (int) b;
    }
    if (v instanceof Float f) {
      return (double) f;
    }
    if (v instanceof byte[] bytes) {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    return v;
  }

  public static boolean isNumeric(SqlType t) {
    return t == SqlType.INT
        || t == SqlType.BIGINT
        || t == SqlType.DECIMAL
        || t == SqlType.FLOAT
        || t == SqlType.BIT;
  }

  public static BigDecimal number(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Integer || v instanceof Long) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Number n) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    try {
      return new BigDecimal(v.toString().strip());
    } catch (NumberFormatException e) {
      throw new SqlFailure(SqlErrors.conversion(v, "int"));
    }
  }

  public static Object convert(Object v, SqlType to) {
    if (v == null) {
      return null;
    }
    return switch (to) {
      case INT -> intValue(number(v).longValue());
      case BIGINT -> number(v).longValue();
      case FLOAT -> number(v).doubleValue();
      case DECIMAL -> number(v).setScale(2, java.math.RoundingMode.HALF_UP);
      case BIT -> number(v).signum() != 0;
      case NVARCHAR, NVARCHAR_MAX -> v instanceof BigDecimal d ? d.toPlainString() : v.toString();
      case DATETIME -> dateTime(v);
      case DATETIMEOFFSET -> v instanceof OffsetDateTime o ? o : OffsetDateTime.parse(v.toString());
    };
  }

  static int intValue(long v) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new SqlFailure(
          SqlMessage.error(
              8115,
              2,
              16,
              "Arithmetic overflow error converting expression to data type int.",
              "",
              1));
    }
    return (int) v;
  }

  private static LocalDateTime dateTime(Object v) {
    if (v instanceof LocalDateTime t) {
      return t;
    }
    if (v instanceof OffsetDateTime o) {
      return o.toLocalDateTime();
    }
    try {
      return LocalDateTime.parse(v.toString().strip().replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw new SqlFailure(
          SqlMessage.error(
              241,
              1,
              16,
              "Conversion failed when converting date and/or time from character string.",
              "",
              1));
    }
  }

  /** Compares two non-null values; strings case-insensitively, ignoring trailing blanks. */
  public static int compare(Object a, Object b) {
    if (a instanceof LocalDateTime || b instanceof LocalDateTime) {
      return dateTime(a).compareTo(dateTime(b));
    }
    if (a instanceof String sa && b instanceof String sb) {
      return sa.stripTrailing().compareToIgnoreCase(sb.stripTrailing());
    }
    return number(a).compareTo(number(b));
  }

  /** LIKE with % and _ (and [...] classes taken literally), case-insensitive. */
  public static boolean like(String value, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '%' -> regex.append(".*");
        case '_' -> regex.append('.');
        default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return java.util.regex.Pattern.compile(
            regex.toString(),
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL)
        .matcher(value.stripTrailing())
        .matches();
  }
}
