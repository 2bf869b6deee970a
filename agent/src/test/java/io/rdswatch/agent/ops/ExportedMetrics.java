package io.rdswatch.agent.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The series a PromQL query can select on /metrics pages (text format or OpenMetrics): every sample
 * name, plus the series a declared family implies even before it has a sample (a histogram's
 * _bucket/_sum/_count, a counter's _total). A histogram's or an OpenMetrics counter's bare family
 * name is not a series, so a query for it does not count as exported.
 */
final class ExportedMetrics {

  /** Pages the exporter's and the agent's golden-file tests compare against. */
  static final List<Path> GOLDEN_DIRS =
      List.of(
          OpsFiles.ROOT.resolve("exporter/src/test/resources/golden"),
          OpsFiles.ROOT.resolve("agent/src/test/resources/golden"));

  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})?\\s");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_]\\w*)=\"(?:[^\"\\\\]|\\\\.)*\"");

  private final Set<String> names = new TreeSet<>();
  private final Map<String, Set<String>> labels = new TreeMap<>();

  private ExportedMetrics() {}

  static ExportedMetrics of(List<String> pages) {
    ExportedMetrics m = new ExportedMetrics();
    pages.forEach(page -> page.lines().map(String::trim).forEach(m::add));
    return m;
  }

  static List<String> goldenPages() {
    return GOLDEN_DIRS.stream()
        .filter(Files::isDirectory)
        .flatMap(ExportedMetrics::walk)
        .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".prom"))
        .sorted()
        .map(OpsFiles::read)
        .toList();
  }

  Set<String> names() {
    return Collections.unmodifiableSet(names);
  }

  /** Label names seen on each series; series without a sample are absent. */
  Map<String, Set<String>> labels() {
    return Collections.unmodifiableMap(labels);
  }

  private void add(String line) {
    if (line.startsWith("# TYPE ")) {
      String[] parts = line.split("\\s+");
      String family = parts[2];
      switch (parts.length > 3 ? parts[3] : "untyped") {
        case "histogram", "gaugehistogram" ->
            names.addAll(List.of(family + "_bucket", family + "_sum", family + "_count"));
        case "summary" -> names.addAll(List.of(family, family + "_sum", family + "_count"));
        // text format 0.0.4 declares simpleclient's counters with _total, OpenMetrics without
        case "counter" -> names.add(family.endsWith("_total") ? family : family + "_total");
        default -> names.add(family);
      }
      return;
    }
    Matcher m = SAMPLE.matcher(line);
    if (line.startsWith("#") || !m.lookingAt()) {
      return;
    }
    names.add(m.group(1));
    Set<String> seen = labels.computeIfAbsent(m.group(1), k -> new TreeSet<>());
    if (m.group(2) != null) {
      Matcher l = LABEL.matcher(m.group(2));
      while (l.find()) {
        seen.add(l.group(1));
      }
    }
  }

  private static Stream<Path> walk(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
