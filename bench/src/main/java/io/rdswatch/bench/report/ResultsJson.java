package io.rdswatch.bench.report;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.rdswatch.bench.wire.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * bench/results/latest.json: when and where it ran, with what options, the table, and the raw data.
 */
public final class ResultsJson {

  private ResultsJson() {}

  public static void write(Path file, Results results, Object options, double seconds)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("date", Instant.now().toString());
    root.put("machine", machine());
    root.put("options", options);
    root.put("runSeconds", Math.round(seconds));
    root.put("allTargetsMet", results.allPass());
    root.put("figures", results.figures());
    root.put("rows", results.rows());
    root.put("details", results.details());
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(
        file,
        Wire.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
            + "\n");
  }

  public static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put(
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    m.put(
        "memoryBytes",
        ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize());
    return m;
  }
}
