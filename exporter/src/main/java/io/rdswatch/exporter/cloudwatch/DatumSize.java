package io.rdswatch.exporter.cloudwatch;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * A conservative upper bound of a datum's size on the wire. It prices the bulkiest encoding
 * PutMetricData has (the query protocol: every field a form key like
 * "MetricData.member.1000.Dimensions.member.30.Value=" plus a percent-encoded value), and treats
 * every character at its worst case across the query, JSON and CBOR encodings. SDK 2.57.8 actually
 * sends the much smaller rpc-v2-cbor, so a batch under this bound is well under the real limit.
 */
public final class DatumSize {

  /** Room for the longest form key (51 characters) and its '&amp;' separator. */
  static final int KEY = 64;

  /** Double.toString is at most 24 characters, none of which need escaping. */
  static final int NUMBER = 32;

  /** An ISO-8601 timestamp with milliseconds, every character escaped. */
  static final int TIMESTAMP = 3 * 30;

  /** Action, Version and a Namespace of up to 255 characters, each at its worst escaping. */
  public static final int REQUEST_OVERHEAD = 2048;

  private DatumSize() {}

  public static long estimate(MetricDatum d) {
    long size = field(encoded(d.metricName())) + field(TIMESTAMP) + field(NUMBER) + field(NUMBER);
    size += field(encoded(d.unitAsString()));
    for (Dimension dim : d.dimensions()) {
      size += field(encoded(dim.name())) + field(encoded(dim.value()));
    }
    size += (long) d.values().size() * field(NUMBER);
    size += (long) d.counts().size() * field(NUMBER);
    if (d.statisticValues() != null) {
      size += 4L * field(NUMBER);
    }
    return size;
  }

  private static long field(long valueLength) {
    return KEY + valueLength;
  }

  /**
   * Worst-case encoded length: 1 for unreserved ASCII, 6 for control characters (a JSON escape of
   * six characters), 3 for other ASCII and 3 per UTF-8 byte otherwise (percent-encoding).
   */
  static long encoded(String s) {
    if (s == null) {
      return 0;
    }
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        n += 6;
      } else if (c < 0x80) {
        n += unreserved(c) ? 1 : 3;
      } else if (Character.isSurrogate(c)) {
        n += 6;
      } else {
        n += 3L * String.valueOf(c).getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return n;
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }
}
