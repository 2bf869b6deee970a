package io.rdswatch.agent.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the real command-line tools the ops assets are checked with (promtool,
 * systemd-analyze, dpkg-deb, python3). A missing tool is a failure, never a skip: bin/test installs
 * them.
 */
final class Tool {

  /** Exit code and everything the tool printed, stdout and stderr interleaved. */
  record Result(int exit, String output) {
    String describe() {
      return "exit " + exit + ", output:\n" + output;
    }
  }

  private Tool() {}

  static Result run(Path workDir, String... command) {
    return run(workDir, List.of(command));
  }

  static Result run(Path workDir, List<String> command) {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C.UTF-8");
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new AssertionError(
          "cannot run " + command.get(0) + " (bin/test installs it): " + e.getMessage(), e);
    }
    try {
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within 2 minutes");
      }
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("reading the output of " + command.get(0) + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command.get(0), e);
    }
  }
}
