package io.rdswatch.agent.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the ops assets live in the checkout: dashboards/, alerts/ and packaging/ beside the
 * modules.
 */
final class OpsFiles {

  static final Path ROOT = findRoot();
  static final Path RULES = ROOT.resolve("alerts/rdswatch.rules.yml");
  static final Path RULE_TESTS = ROOT.resolve("alerts/tests");
  static final Path RUNBOOKS = ROOT.resolve("alerts/runbooks.md");
  static final Path DASHBOARDS = ROOT.resolve("dashboards");
  static final Path UNIT = ROOT.resolve("packaging/systemd/rdswatch.service");
  static final Path TEMPLATE_UNIT = ROOT.resolve("packaging/systemd/rdswatch@.service");
  static final Path EXAMPLE_CONFIG = ROOT.resolve("packaging/deb/etc/rdswatch/config.yml");

  private OpsFiles() {}

  static List<Path> dashboards() {
    return list(DASHBOARDS, ".json");
  }

  static List<Path> ruleTests() {
    return list(RULE_TESTS, ".yml");
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found =
          files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
      if (found.isEmpty()) {
        throw new IllegalStateException("no *" + suffix + " in " + dir);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tests run with the module as working directory; the assets sit one level up. */
  private static Path findRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("alerts/rdswatch.rules.yml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "alerts/rdswatch.rules.yml not found above " + Path.of("").toAbsolutePath());
  }
}
