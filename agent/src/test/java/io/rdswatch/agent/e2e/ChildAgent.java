package io.rdswatch.agent.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `rdswatch agent --config FILE` in a child JVM of the test classpath, so tests can SIGTERM it or
 * kill -9 it like an operator or the OOM killer would.
 */
final class ChildAgent implements AutoCloseable {

  private static final Pattern READY =
      Pattern.compile("rdswatch agent: metrics at (http://\\S+)/metrics");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Path log;
  private final URI base;

  private ChildAgent(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  static ChildAgent start(Path config, Path log) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.rdswatch.agent.cli.Main",
                    "agent",
                    "--config",
                    config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    URI[] base = new URI[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "the agent exited with " + process.exitValue() + ":\n" + read(log));
              }
              Matcher m = READY.matcher(read(log));
              if (m.find()) {
                base[0] = URI.create(m.group(1));
              }
              return base[0] != null;
            });
    return new ChildAgent(process, log, base[0]);
  }

  String metrics() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(10)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  String log() throws IOException {
    return read(log);
  }

  /** SIGKILL: no shutdown hook runs. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, as systemd stops a service; returns the exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the agent did not stop within 60s of SIGTERM");
    }
    return process.exitValue();
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
