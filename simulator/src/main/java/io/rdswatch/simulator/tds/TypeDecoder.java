package io.rdswatch.simulator.tds;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads an RPC parameter's TYPE_INFO and value ([MS-TDS] 2.2.5.4-2.2.5.6) for the types JDBC and
 * FreeTDS clients bind. Values become the Java types {@code SqlBackend} documents.
 */
final class TypeDecoder {
  private static final Charset VARCHAR_CHARSET = Charset.forName("windows-1252");
  private static final long PLP_NULL = -1L;

  private TypeDecoder() {}

  /** The type and value as read, with their raw bytes so an OUTPUT parameter can be echoed. */
  record Decoded(Object value, byte[] typeInfo, byte[] rawValue) {}

  private record TypeInfo(int type, int length, int precision, int scale) {}

  static Decoded read(TdsInput in, String paramName) throws TdsProtocolException {
    int start = in.position();
    TypeInfo info = typeInfo(in, paramName);
    byte[] typeInfo = in.slice(start);
    int valueStart = in.position();
    Object value = value(in, info);
    return new Decoded(value, typeInfo, in.slice(valueStart));
  }

  private static TypeInfo typeInfo(TdsInput in, String paramName) throws TdsProtocolException {
    int type = in.u8();
    switch (type) {
      case 0x30,
      0x32,
      0x34,
      0x38,
      0x3B,
      0x3E,
      0x7F: // fixed-length INT1/BIT/INT2/INT4/FLT4/FLT8/INT8
        return new TypeInfo(type, fixedLength(type), 0, 0);
      case 0x26, 0x68, 0x6D, 0x6E, 0x6F, 0x24: // INTN BITN FLTN MONEYN DATETIMN GUID
        return new TypeInfo(type, in.u8(), 0, 0);
      case 0x6A, 0x6C: // DECIMALN NUMERICN
        return new TypeInfo(type, in.u8(), in.u8(), in.u8());
      case 0x28: // DATEN
        return new TypeInfo(type, 3, 0, 0);
      case 0x29, 0x2A, 0x2B: // TIMEN DATETIME2N DATETIMEOFFSETN
        return new TypeInfo(type, 0, 0, in.u8());
      case 0xE7, 0xEF, 0xA7, 0xAF: // NVARCHAR NCHAR BIGVARCHAR BIGCHAR
        int max = in.u16();
        in.skip(5); // collation
        return new TypeInfo(type, max, 0, 0);
      case 0xA5, 0xAD: // BIGVARBINARY BIGBINARY
        return new TypeInfo(type, in.u16(), 0, 0);
      default:
        throw new TdsProtocolException(
            String.format(
                "RPC parameter '%s' has TDS type 0x%02X, which the simulator cannot decode",
                paramName, type));
    }
  }

  private static int fixedLength(int type) {
    return switch (type) {
      case 0x30, 0x32 -> 1;
      case 0x34 -> 2;
      case 0x38, 0x3B -> 4;
      default -> 8;
    };
  }

  private static Object value(TdsInput in, TypeInfo t) throws TdsProtocolException {
    switch (t.type()) {
      case 0x30, 0x32, 0x34, 0x38, 0x3B, 0x3E, 0x7F:
        return fixed(in, t.type(), t.length());
      case 0xE7, 0xEF, 0xA7, 0xAF, 0xA5, 0xAD:
        byte[] bytes = t.length() == 0xFFFF ? plp(in) : shortLengthBytes(in);
        if (bytes == null) {
          return null;
        }
        return switch (t.type()) {
          case 0xE7, 0xEF -> new String(bytes, StandardCharsets.UTF_16LE);
          case 0xA7, 0xAF -> new String(bytes, VARCHAR_CHARSET);
          default -> bytes;
        };
      default:
        int len = in.u8();
        return len == 0 ? null : nullable(in, t, len);
    }
  }

  private static Object fixed(TdsInput in, int type, int len) throws TdsProtocolException {
    long raw = in.uN(len);
    return switch (type) {
      case 0x30 -> (short) raw; // TINYINT is unsigned
      case 0x32 -> raw != 0;
      case 0x34 -> (short) raw;
      case 0x38 -> (int) raw;
      case 0x3B -> (double) Float.intBitsToFloat((int) raw);
      case 0x3E -> Double.longBitsToDouble(raw);
      default -> raw;
    };
  }

  private static Object nullable(TdsInput in, TypeInfo t, int len) throws TdsProtocolException {
    switch (t.type()) {
      case 0x26:
        long v = in.uN(len);
        return switch (len) {
          case 1 -> (short) v;
          case 2 -> (short) v;
          case 4 -> (int) v;
          default -> v;
        };
      case 0x68:
        return in.uN(len) != 0;
      case 0x6D:
        return len == 4
            ? (double) Float.intBitsToFloat(in.i32())
            : Double.longBitsToDouble(in.i64());
      case 0x6E:
        long money = len == 4 ? in.i32() : ((long) in.i32() << 32) | in.u32();
        return BigDecimal.valueOf(money, 4);
      case 0x6A, 0x6C:
        int sign = in.u8();
        byte[] le = in.bytes(len - 1);
        byte[] be = new byte[le.length + 1];
        for (int i = 0; i < le.length; i++) {
          be[be.length - 1 - i] = le[i];
        }
        BigDecimal d = new BigDecimal(new BigInteger(be), t.scale());
        return sign == 0 ? d.negate() : d;
      case 0x6F:
        return len == 4
            ? TdsTemporal.fromSmallDatetime(in.u16(), in.u16())
            : TdsTemporal.fromDatetime(in.i32(), in.u32());
      case 0x28:
        return TdsTemporal.dateFrom0001(in.uN(3));
      case 0x29:
        return TdsTemporal.timeFromUnits(in.uN(len), t.scale());
      case 0x2A:
        long units = in.uN(len - 3);
        return LocalDateTime.of(
            TdsTemporal.dateFrom0001(in.uN(3)), TdsTemporal.timeFromUnits(units, t.scale()));
      case 0x2B:
        long utcUnits = in.uN(len - 5);
        LocalDateTime utc =
            LocalDateTime.of(
                TdsTemporal.dateFrom0001(in.uN(3)), TdsTemporal.timeFromUnits(utcUnits, t.scale()));
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((short) in.u16() * 60);
        return OffsetDateTime.of(utc, ZoneOffset.UTC).withOffsetSameInstant(offset);
      default: // 0x24 GUID: the first three groups are little-endian
        byte[] g = in.bytes(len);
        return String.format(
            "%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-%02X%02X%02X%02X%02X%02X",
            g[3], g[2], g[1], g[0], g[5], g[4], g[7], g[6], g[8], g[9], g[10], g[11], g[12], g[13],
            g[14], g[15]);
    }
  }

  private static byte[] shortLengthBytes(TdsInput in) throws TdsProtocolException {
    int len = in.u16();
    return len == 0xFFFF ? null : in.bytes(len);
  }

  /** PLP: total length (all ones = NULL), then chunks each with a 4-byte length, 0 ends. */
  private static byte[] plp(TdsInput in) throws TdsProtocolException {
    long total = in.i64();
    if (total == PLP_NULL) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long chunk = in.u32(); chunk != 0; chunk = in.u32()) {
      if (chunk > in.remaining()) {
        throw new TdsProtocolException("PLP chunk of " + chunk + " bytes runs past the request");
      }
      out.writeBytes(in.bytes((int) chunk));
    }
    return out.toByteArray();
  }
}
