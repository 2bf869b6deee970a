package io.rdswatch.agent.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names rdswatch really exports, read from the golden /metrics pages its own tests compare
 * against: every sample name, plus the series a declared family implies even when it has no sample yet
 * (a histogram's _bucket/_sum/_count).
 */
final class ExportedMetrics {

  static final List<Path> GOLDEN_DIRS = List.of(
      OpsFiles.ROOT.resolve("exporter/src/test/resources/golden"),
      OpsFiles.ROOT.resolve("agent/src/test/resources/golden"));

  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})?");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_]\\w*)=\"(?:[^\"\\\\]|\\\\.)*\"");

  private ExportedMetrics() {}

  static List<Path> goldenFiles() {
    return GOLDEN_DIRS.stream().filter(Files::isDirectory).flatMap(ExportedMetrics::walk)
        .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".prom"))
        .sorted().toList();
  }

  /** Label names seen on each sample name; names without a sample are absent. */
  static Map<String, Set<String>> labels() {
    Map<String, Set<String>> labels = new TreeMap<>();
    for (Path file : goldenFiles()) {
      for (String line : OpsFiles.read(file).lines().map(String::trim).toList()) {
        Matcher m = SAMPLE.matcher(line);
        if (!line.startsWith("#") && m.lookingAt()) {
          Set<String> names = labels.computeIfAbsent(m.group(1), k -> new TreeSet<>());
          if (m.group(2) != null) {
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
              names.add(l.group(1));
            }
          }
        }
      }
    }
    return labels;
  }

  static Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (Path file : goldenFiles()) {
      OpsFiles.read(file).lines().forEach(line -> add(line.trim(), names));
    }
    return names;
  }

  private static void add(String line, Set<String> names) {
    if (line.startsWith("# TYPE ")) {
      String[] parts = line.split("\\s+");
      String name = parts[2];
      String type = parts.length > 3 ? parts[3] : "";
      names.add(name);
      switch (type) {
        case "histogram" -> names.addAll(List.of(name + "_bucket", name + "_sum", name + "_count"));
        case "summary" -> names.addAll(List.of(name + "_sum", name + "_count"));
        case "counter" -> names.add(name.endsWith("_total") ? name : name + "_total");
        default -> { }
      }
    } else if (!line.isEmpty() && !line.startsWith("#")) {
      int end = 0;
      while (end < line.length() && line.charAt(end) != '{' && !Character.isWhitespace(line.charAt(end))) {
        end++;
      }
      names.add(line.substring(0, end));
    }
  }

  private static Stream<Path> walk(Path dir) {
    try {
      return Files.walk(dir).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
