package io.rdswatch.bench.driver;

import java.io.PrintStream;

/** Timestamped progress lines, so a long run shows where it is. */
public final class Progress {

  private final PrintStream out;
  private final long start = System.nanoTime();

  public Progress(PrintStream out) {
    this.out = out;
  }

  public void say(String message) {
    out.printf("[%6.1fs] %s%n", elapsedSeconds(), message);
    out.flush();
  }

  public double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
