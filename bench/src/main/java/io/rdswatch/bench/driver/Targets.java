package io.rdswatch.bench.driver;

/**
 * The targets a run is checked against: the 1,000-instance ones by default, the 5,000-instance
 * scale ones with --scale. CPU (10% of a core) and freshness (an interval + 1 s) are the same for
 * both.
 */
record Targets(double cycleSeconds, long heapBytes, long rssBytes, double scrapeP99Millis) {

  static final Targets FLEET = new Targets(1, 256L << 20, 512L << 20, 100);
  static final Targets SCALE = new Targets(5, 512L << 20, 1L << 30, 500);

  static Targets of(BenchOptions options) {
    return options.scale ? SCALE : FLEET;
  }
}
