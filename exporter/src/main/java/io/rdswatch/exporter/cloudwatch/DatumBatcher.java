package io.rdswatch.exporter.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Splits datums into PutMetricData requests of at most 1,000 datums and 1 MB (by the conservative
 * {@link DatumSize} estimate), keeping their order. It fills each request greedily, which for
 * in-order splitting gives the fewest requests: every request but the last is full, in the sense
 * that the next datum would break a limit.
 */
public final class DatumBatcher {

  /** PutMetricData accepts up to 1,000 datums per request. */
  public static final int MAX_DATUMS = 1000;

  /** PutMetricData accepts up to 1 MB per request; decimal MB to stay on the safe side. */
  public static final int MAX_REQUEST_BYTES = 1_000_000;

  private final int maxDatums;
  private final long maxDatumBytes;

  public DatumBatcher() {
    this(MAX_DATUMS, MAX_REQUEST_BYTES);
  }

  /** Smaller limits for tests; the request overhead is reserved out of maxRequestBytes. */
  public DatumBatcher(int maxDatums, int maxRequestBytes) {
    if (maxDatums < 1 || maxDatums > MAX_DATUMS) {
      throw new IllegalArgumentException(
          "maxDatums must be 1.." + MAX_DATUMS + ", was " + maxDatums);
    }
    if (maxRequestBytes <= DatumSize.REQUEST_OVERHEAD || maxRequestBytes > MAX_REQUEST_BYTES) {
      throw new IllegalArgumentException(
          "maxRequestBytes must be above "
              + DatumSize.REQUEST_OVERHEAD
              + " and at most "
              + MAX_REQUEST_BYTES
              + ", was "
              + maxRequestBytes);
    }
    this.maxDatums = maxDatums;
    this.maxDatumBytes = maxRequestBytes - DatumSize.REQUEST_OVERHEAD;
  }

  public int maxDatums() {
    return maxDatums;
  }

  /** The byte budget for the datums of one request (request overhead already taken off). */
  public long maxDatumBytes() {
    return maxDatumBytes;
  }

  /**
   * @throws IllegalArgumentException if one datum alone exceeds the byte budget (impossible within
   *     CloudWatch's own limits on dimensions and values)
   */
  public List<List<MetricDatum>> batches(List<MetricDatum> datums) {
    List<List<MetricDatum>> batches = new ArrayList<>();
    List<MetricDatum> current = new ArrayList<>();
    long bytes = 0;
    for (MetricDatum datum : datums) {
      long size = DatumSize.estimate(datum);
      if (size > maxDatumBytes) {
        throw new IllegalArgumentException(
            "datum "
                + datum.metricName()
                + " is estimated at "
                + size
                + " bytes, more than one request may carry ("
                + maxDatumBytes
                + ")");
      }
      if (current.size() == maxDatums || bytes + size > maxDatumBytes) {
        batches.add(List.copyOf(current));
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(datum);
      bytes += size;
    }
    if (!current.isEmpty()) {
      batches.add(List.copyOf(current));
    }
    return batches;
  }
}
