package io.rdswatch.agent.e2e;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Reads sample values off a text-format /metrics page. */
final class MetricsPage {

  private MetricsPage() {}

  /**
   * The value of the sample whose name and labels start as given, e.g.
   * {@code value(page, "rdswatch_up{rds_instance=\"a\",")}; empty if no such sample.
   */
  static OptionalDouble value(String page, String sampleStart) {
    for (String line : page.split("\n")) {
      if (line.startsWith(sampleStart)) {
        String[] parts = line.trim().split(" ");
        return OptionalDouble.of(Double.parseDouble(parts[parts.length - 1]));
      }
    }
    return OptionalDouble.empty();
  }

  /** Sum of every sample of a metric whose line contains all the given label fragments. */
  static double sum(String page, String metric, String... fragments) {
    double total = 0;
    Pattern start = Pattern.compile("^" + Pattern.quote(metric) + "[{ ]");
    for (String line : page.split("\n")) {
      if (start.matcher(line).find() && containsAll(line, fragments)) {
        String[] parts = line.trim().split(" ");
        total += Double.parseDouble(parts[parts.length - 1]);
      }
    }
    return total;
  }

  private static boolean containsAll(String line, String... fragments) {
    for (String f : fragments) {
      if (!line.contains(f)) {
        return false;
      }
    }
    return true;
  }
}
