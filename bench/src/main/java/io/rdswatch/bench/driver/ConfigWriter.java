package io.rdswatch.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Agent configs for the benchmark: the agent's defaults (concurrency, timeout) except the ports,
 * the interval and the state folder, and logging at WARN on stderr, which the harness keeps in the
 * agent's log file.
 */
final class ConfigWriter {

  private ConfigWriter() {}

  static Path write(
      Path file,
      List<JsonNode> instances,
      String user,
      String password,
      int port,
      int adminPort,
      int intervalSeconds,
      Path stateDir)
      throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("http: {bind: 127.0.0.1, port: ")
        .append(port)
        .append(", adminPort: ")
        .append(adminPort)
        .append("}\n");
    // the agent's 15 s timeout, unless a short test interval needs a shorter one
    int timeout = Math.min(15, intervalSeconds - 1);
    y.append("poll: {interval: ")
        .append(intervalSeconds)
        .append("s, timeout: ")
        .append(timeout)
        .append("s}\n");
    y.append("stateDir: ").append(quoted(stateDir.toAbsolutePath().toString())).append('\n');
    y.append("logging: {level: WARN, appenders: [{type: console, target: stderr}]}\n");
    y.append("instances:\n");
    for (JsonNode i : instances) {
      y.append("  - {name: ")
          .append(quoted(i.get("name").asText()))
          .append(", host: 127.0.0.1, port: ")
          .append(i.get("port").asInt())
          .append(", username: ")
          .append(quoted(user))
          .append(", password: ")
          .append(quoted(password))
          .append(", jdbcProperties: {encrypt: \"false\"}}\n");
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, y);
    return file;
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
