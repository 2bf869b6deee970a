package io.rdswatch.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.bench.wire.Wire;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the harness starts: the fleet, or an agent. Its stdout replies ({@link Wire}) are queued
 * for {@link #call}; every other line of stdout and stderr goes to its log file, which error
 * messages point at. Closing asks it to quit, then kills it if it does not.
 */
public final class ChildJvm implements AutoCloseable {

  /** Replaced by the child's name in its JVM options (e.g. to name its JFR file). */
  public static final String NAME_TOKEN = "{name}";

  private final String name;
  private final Process process;
  private final Path log;
  private final Writer logWriter;
  private final PrintWriter stdin;
  private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();

  private ChildJvm(String name, Process process, Path log, Writer logWriter) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.logWriter = logWriter;
    this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    pump(process.getInputStream(), true);
    pump(process.getErrorStream(), false);
  }

  /** Starts {@code java OPTS -cp CLASSPATH MAIN ARGS}, logging to {@code log}. */
  public static ChildJvm start(
      String name,
      List<String> javaOpts,
      String classpath,
      String mainClass,
      List<String> args,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    javaOpts.forEach(o -> command.add(o.replace(NAME_TOKEN, name)));
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    Files.createDirectories(log.getParent());
    Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    writer.write("# " + String.join(" ", command).replace(classpath, "<classpath>") + "\n");
    Process p = new ProcessBuilder(command).start();
    return new ChildJvm(name, p, log, writer);
  }

  private void pump(InputStream in, boolean repliesHere) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  JsonNode reply = repliesHere ? Wire.parse(line) : null;
                  if (reply != null) {
                    replies.add(reply);
                  } else {
                    logLine(line);
                  }
                }
              } catch (IOException e) {
                logLine("# output closed: " + e);
              }
            },
            name + "-output");
    t.setDaemon(true);
    t.start();
  }

  private synchronized void logLine(String line) {
    try {
      logWriter.write(line);
      logWriter.write('\n');
      logWriter.flush();
    } catch (IOException ignored) {
      // the log is a convenience; losing a line must not fail the benchmark
    }
  }

  public long pid() {
    return process.pid();
  }

  /** CPU this JVM has used so far, from /proc. */
  /**
   * Bytes written so far; for the fleet JVM, which only serves TDS, that is the bytes on the wire.
   */
  public long writtenBytes() {
    return ProcStat.writtenBytes(process.pid());
  }

  public long cpuNanos() {
    return ProcStat.cpuNanos(process.pid());
  }

  public Path log() {
    return log;
  }

  /** The next reply, e.g. the ready message a child sends once it is up. */
  public JsonNode awaitReply(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode reply = null;
    while (reply == null && System.nanoTime() < deadline) {
      reply = replies.poll(200, TimeUnit.MILLISECONDS);
      if (reply == null && !process.isAlive()) {
        reply = replies.poll(); // it may have answered just before it exited
        if (reply == null) {
          break;
        }
      }
    }
    if (reply == null) {
      String state = process.isAlive() ? "still running" : "exited with " + process.exitValue();
      throw new IllegalStateException(
          name
              + " did not answer within "
              + timeout.toSeconds()
              + " s ("
              + state
              + "); see "
              + log);
    }
    if (reply.has("error")) {
      throw new IllegalStateException(
          name + ": " + reply.get("error").asText() + " (log: " + log + ")");
    }
    return reply;
  }

  /** Sends one command and waits for its reply. */
  public JsonNode call(String command, Duration timeout) throws InterruptedException {
    logLine("# harness: " + command);
    stdin.println(command);
    return awaitReply(timeout);
  }

  /** Asks a harness child to quit; SIGTERM, then SIGKILL, if it does not within 20 s. */
  @Override
  public void close() {
    if (process.isAlive()) {
      stdin.println("quit");
      stdin.flush();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          stop(Duration.ofSeconds(20));
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    closeQuietly(process.getOutputStream());
    synchronized (this) {
      try {
        logWriter.close();
      } catch (IOException ignored) {
        // nothing left to do with it
      }
    }
  }

  /**
   * SIGTERM (the agent's graceful shutdown), then SIGKILL if it is still there after {@code grace}.
   */
  public void stop(Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException ignored) {
      // the process is gone
    }
  }
}
