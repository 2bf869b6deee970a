package io.rdswatch.bench.report;

import java.util.Arrays;
import java.util.List;

/** Medians and percentiles of small samples (nearest-rank, so a p99 of 200 is the 198th value). */
public final class Stats {

  private Stats() {}

  public static double median(List<Double> values) {
    double[] v = sorted(values);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  public static double percentile(List<Double> values, double p) {
    double[] v = sorted(values);
    int rank = (int) Math.ceil(p / 100.0 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
  }

  public static double max(List<Double> values) {
    return sorted(values)[values.size() - 1];
  }

  private static double[] sorted(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to summarise");
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v;
  }
}
