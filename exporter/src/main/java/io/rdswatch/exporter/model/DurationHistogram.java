package io.rdswatch.exporter.model;

import java.util.Arrays;

/**
 * An immutable cumulative histogram of finished-task durations in seconds. The tracker adds to it
 * (returning a new value) and persists it, so counts survive restarts.
 *
 * @param bucketCounts non-cumulative counts per bucket of {@link #UPPER_BOUNDS}, plus one for +Inf
 */
public record DurationHistogram(long[] bucketCounts, double sum, long count) {

  /** Native backups of big databases take hours; the last finite bucket is 24 h. */
  public static final double[] UPPER_BOUNDS = {
    30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 28800, 43200, 86400
  };

  public static DurationHistogram empty() {
    return new DurationHistogram(new long[UPPER_BOUNDS.length + 1], 0, 0);
  }

  public DurationHistogram {
    if (bucketCounts.length != UPPER_BOUNDS.length + 1) {
      throw new IllegalArgumentException(
          "bucketCounts must have " + (UPPER_BOUNDS.length + 1) + " entries");
    }
    bucketCounts = bucketCounts.clone();
  }

  public DurationHistogram observe(double seconds) {
    long[] next = bucketCounts.clone();
    int i = 0;
    while (i < UPPER_BOUNDS.length && seconds > UPPER_BOUNDS[i]) {
      i++;
    }
    next[i]++;
    return new DurationHistogram(next, sum + seconds, count + 1);
  }

  @Override
  public long[] bucketCounts() {
    return bucketCounts.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DurationHistogram h
        && Arrays.equals(bucketCounts, h.bucketCounts)
        && sum == h.sum
        && count == h.count;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bucketCounts) * 31 + Long.hashCode(count);
  }
}
