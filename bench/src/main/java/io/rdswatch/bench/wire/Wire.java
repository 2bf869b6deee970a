package io.rdswatch.bench.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;

/**
 * The line protocol between the harness and its child JVMs: the harness writes one command per line
 * to the child's stdin; the child answers each with exactly one {@code BENCH-REPLY <json>} line on
 * stdout. Any other stdout line (a stray log line) is ignored by the harness, so a child may log
 * freely.
 */
public final class Wire {

  public static final String REPLY = "BENCH-REPLY ";
  public static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** The real stdout, captured before anything can redirect System.out. */
  private static final PrintStream OUT = System.out;

  private Wire() {}

  public static void reply(Object body) {
    String line;
    try {
      line = REPLY + JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a reply: " + e.getMessage(), e);
    }
    synchronized (OUT) {
      OUT.println(line);
      OUT.flush();
    }
  }

  /** The JSON of a reply line, or null when the line is something else. */
  public static JsonNode parse(String line) {
    if (!line.startsWith(REPLY)) {
      return null;
    }
    try {
      return JSON.readTree(line.substring(REPLY.length()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("garbled reply line: " + line, e);
    }
  }
}
