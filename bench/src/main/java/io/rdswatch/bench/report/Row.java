package io.rdswatch.bench.report;

/**
 * One line of the results table: a measured value, how it reads, and the target it is checked
 * against. {@code pass} is null for a value that has no target of its own (context for another
 * row).
 */
public record Row(
    String figure, String metric, double value, String shown, String target, Boolean pass) {

  public static Row checked(
      String figure, String metric, double value, String shown, String target, boolean pass) {
    return new Row(figure, metric, value, shown, target, pass);
  }

  public static Row info(String figure, String metric, double value, String shown) {
    return new Row(figure, metric, value, shown, "-", null);
  }

  public String verdict() {
    return pass == null ? "info" : pass ? "PASS" : "FAIL";
  }
}
