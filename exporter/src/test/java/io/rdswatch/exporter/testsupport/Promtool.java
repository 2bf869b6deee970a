package io.rdswatch.exporter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code promtool check metrics} on a /metrics page. bin/test installs the prometheus
 * package; a missing promtool fails the test rather than skipping it.
 */
public final class Promtool {

  public static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  private Promtool() {}

  /** Fails unless promtool exits 0 with no output at all (lint warnings count as failures). */
  public static void assertCleanMetrics(String page) {
    assertThat(PROMTOOL)
        .as(
            "promtool not found at %s; install Debian's prometheus package (bin/test does)",
            PROMTOOL)
        .matches(Files::isExecutable);
    try {
      Process process =
          new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
              .redirectErrorStream(true)
              .start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(page.getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
      assertThat(output).as("promtool check metrics output").isEmpty();
      assertThat(process.exitValue()).as("promtool exit code").isZero();
    } catch (IOException e) {
      throw new AssertionError("could not run " + PROMTOOL, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running promtool", e);
    }
  }
}
