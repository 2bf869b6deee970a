package io.rdswatch.simulator.tds;

import io.rdswatch.simulator.engine.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes each {@link SqlType} as a TDS TYPE_INFO ([MS-TDS] 2.2.5.4-2.2.5.6) and its values as ROW
 * data. Every type is a nullable variant, so a null value is always representable.
 */
final class TypeEncoder {
  static final int INTN = 0x26;
  static final int BITN = 0x68;
  static final int FLTN = 0x6D;
  static final int DECIMALN = 0x6A;
  static final int NVARCHAR = 0xE7;
  static final int DATETIMN = 0x6F;
  static final int DATETIMEOFFSETN = 0x2B;

  static final int DECIMAL_PRECISION = 38;
  static final int DECIMAL_SCALE = 2;
  private static final int DECIMAL_LENGTH = 17;
  private static final int NVARCHAR_MAX_BYTES = 8000;
  private static final int PLP_MARKER = 0xFFFF;
  private static final long PLP_NULL = -1L;
  private static final int DATETIMEOFFSET_SCALE = 7;

  private TypeEncoder() {}

  static void typeInfo(TdsBuffer out, SqlType type) {
    switch (type) {
      case INT -> out.u8(INTN).u8(4);
      case BIGINT -> out.u8(INTN).u8(8);
      case BIT -> out.u8(BITN).u8(1);
      case FLOAT -> out.u8(FLTN).u8(8);
      case DECIMAL -> out.u8(DECIMALN).u8(DECIMAL_LENGTH).u8(DECIMAL_PRECISION).u8(DECIMAL_SCALE);
      case NVARCHAR -> out.u8(NVARCHAR).u16(NVARCHAR_MAX_BYTES).bytes(Tds.COLLATION);
      case NVARCHAR_MAX -> out.u8(NVARCHAR).u16(PLP_MARKER).bytes(Tds.COLLATION);
      case DATETIME -> out.u8(DATETIMN).u8(8);
      case DATETIMEOFFSET -> out.u8(DATETIMEOFFSETN).u8(DATETIMEOFFSET_SCALE);
    }
  }

  /**
   * Writes one value; {@code column} only names the culprit when the value does not fit.
   *
   * @throws IllegalArgumentException if the Java value does not match the column type
   */
  static void value(TdsBuffer out, SqlType type, Object value, String column) {
    if (value == null) {
      writeNull(out, type);
      return;
    }
    try {
      switch (type) {
        case INT -> out.u8(4).u32(Math.toIntExact(integral(value)));
        case BIGINT -> out.u8(8).u64(integral(value));
        case BIT -> out.u8(1).u8(((Boolean) value) ? 1 : 0);
        case FLOAT -> out.u8(8).u64(Double.doubleToLongBits(((Number) value).doubleValue()));
        case DECIMAL -> decimal(out, value);
        case NVARCHAR -> nvarchar(out, (CharSequence) value);
        case NVARCHAR_MAX -> plp(out, value.toString().getBytes(StandardCharsets.UTF_16LE));
        case DATETIME -> datetime(out, (LocalDateTime) value);
        case DATETIMEOFFSET -> datetimeOffset(out, (OffsetDateTime) value);
      }
    } catch (ClassCastException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "column '"
              + column
              + "' is "
              + type
              + " and cannot carry the "
              + value.getClass().getSimpleName()
              + " value '"
              + value
              + "' ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static void writeNull(TdsBuffer out, SqlType type) {
    switch (type) {
      case NVARCHAR -> out.u16(0xFFFF);
      case NVARCHAR_MAX -> out.u64(PLP_NULL);
      default -> out.u8(0);
    }
  }

  private static long integral(Object value) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    throw new ClassCastException("an integer type is required");
  }

  private static void decimal(TdsBuffer out, Object value) {
    BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    BigInteger unscaled = d.setScale(DECIMAL_SCALE, RoundingMode.HALF_UP).unscaledValue();
    if (unscaled.abs().toString().length() > DECIMAL_PRECISION) {
      throw new ArithmeticException("more than " + DECIMAL_PRECISION + " digits");
    }
    out.u8(DECIMAL_LENGTH).u8(unscaled.signum() < 0 ? 0 : 1);
    byte[] be = unscaled.abs().toByteArray(); // big-endian, maybe with a leading sign byte
    byte[] le = new byte[DECIMAL_LENGTH - 1];
    for (int i = 0; i < be.length && i < le.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    out.bytes(le);
  }

  private static void nvarchar(TdsBuffer out, CharSequence value) {
    byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_16LE);
    if (bytes.length > NVARCHAR_MAX_BYTES) {
      throw new ArithmeticException(
          value.length() + " characters exceed NVARCHAR(4000); use NVARCHAR_MAX");
    }
    out.u16(bytes.length).bytes(bytes);
  }

  /** PLP: total length, then one chunk, then the zero-length terminator chunk. */
  private static void plp(TdsBuffer out, byte[] bytes) {
    out.u64(bytes.length);
    if (bytes.length > 0) {
      out.u32(bytes.length).bytes(bytes);
    }
    out.u32(0);
  }

  private static void datetime(TdsBuffer out, LocalDateTime value) {
    long[] parts = TdsTemporal.toDatetime(value);
    out.u8(8).u32((int) parts[0]).u32((int) parts[1]);
  }

  /** Time and date are those of the UTC instant; the offset travels separately in minutes. */
  private static void datetimeOffset(TdsBuffer out, OffsetDateTime value) {
    LocalDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    int timeLength = TdsTemporal.timeLength(DATETIMEOFFSET_SCALE);
    out.u8(timeLength + 5)
        .uN(TdsTemporal.timeUnits(utc.toLocalTime(), DATETIMEOFFSET_SCALE), timeLength)
        .uN(TdsTemporal.daysSince0001(utc.toLocalDate()), 3)
        .u16(value.getOffset().getTotalSeconds() / 60);
  }
}
