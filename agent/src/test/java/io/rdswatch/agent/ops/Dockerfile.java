package io.rdswatch.agent.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's Dockerfile as instructions: continuation lines joined, comments dropped. No
 * image can be built here (no registry is reachable), so tests check what it says against the
 * manifests.
 */
record Dockerfile(List<String> instructions) {

  static Dockerfile read() {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : OpsFiles.read(OpsFiles.ROOT.resolve("Dockerfile")).split("\n")) {
      String t = line.strip();
      if (t.startsWith("#") || t.isEmpty() && current.isEmpty()) {
        continue;
      }
      if (t.endsWith("\\")) {
        current.append(t, 0, t.length() - 1).append(' ');
        continue;
      }
      current.append(t);
      out.add(current.toString());
      current.setLength(0);
    }
    return new Dockerfile(out);
  }

  /** The arguments of every instruction with this keyword, in order. */
  List<String> all(String keyword) {
    return instructions.stream()
        .filter(i -> i.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
        .map(i -> i.substring(keyword.length() + 1).strip())
        .toList();
  }

  /** The last instruction with this keyword: the one that counts for the final image. */
  String last(String keyword) {
    List<String> found = all(keyword);
    if (found.isEmpty()) {
      throw new AssertionError("the Dockerfile has no " + keyword);
    }
    return found.get(found.size() - 1);
  }

  /**
   * An exec-form (JSON array) argument list, the only form the tests accept for ENTRYPOINT and CMD.
   */
  static List<String> execForm(String arguments) {
    try {
      return List.of(new ObjectMapper().readValue(arguments, String[].class));
    } catch (JsonProcessingException e) {
      throw new AssertionError("not an exec-form JSON array: " + arguments, e);
    }
  }
}
