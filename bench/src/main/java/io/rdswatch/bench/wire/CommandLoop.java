package io.rdswatch.bench.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Serves a child JVM's commands from stdin until "quit" or end of input. A command is words
 * separated by spaces; its handler's result is the reply. A failing handler replies {"error": ...}
 * instead of killing the child, so the harness can say which command broke.
 */
public final class CommandLoop {

  /** One command: the words after the command name in, the reply body out. */
  @FunctionalInterface
  public interface Handler {
    Object handle(List<String> args) throws Exception;
  }

  private final Map<String, Handler> handlers;

  public CommandLoop(Map<String, Handler> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  public void run() throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      List<String> words =
          Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
      if (words.isEmpty()) {
        continue;
      }
      if (words.get(0).equals("quit")) {
        Wire.reply(Map.of("bye", true));
        return;
      }
      Handler handler = handlers.get(words.get(0));
      if (handler == null) {
        Wire.reply(
            Map.of("error", "unknown command '" + words.get(0) + "'; known: " + handlers.keySet()));
        continue;
      }
      try {
        Wire.reply(handler.handle(words.subList(1, words.size())));
      } catch (Exception | Error e) {
        Wire.reply(Map.of("error", line + ": " + e));
      }
    }
  }
}
